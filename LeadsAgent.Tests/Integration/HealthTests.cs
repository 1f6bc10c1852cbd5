using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Http;
using LeadsAgent.Tests.Support;

namespace LeadsAgent.Tests.Integration;

public class HealthTests
{
    [Fact]
    public async Task With_every_service_up_health_is_healthy_and_lists_each_component()
    {
        await using var fx = new PlatformFixture();
        await fx.InitializeAsync();
        var ct = TestContext.Current.CancellationToken;
        var (businessId, _, _) = await fx.CreateBusinessAsync("PRO");
        (await fx.Anonymous().PostAsJsonAsync("/api/chat", new { businessId, message = "do you fix leaking taps?" }, ct)).EnsureSuccessStatusCode();

        // Anyone sees whether each part works, and nothing more.
        var anonymous = await (await fx.Anonymous().GetAsync("/health", ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("healthy", anonymous["status"]!.GetValue<string>());
        Assert.Null(anonymous["metrics"]);
        Assert.Equal("""{"status":"healthy"}""", anonymous["components"]!["database"]!.ToJsonString());
        Assert.Equal("not configured", anonymous["components"]!["twilio"]!["status"]!.GetValue<string>());

        // The platform admin also gets latencies and the numbers.
        var body = await (await fx.Admin().GetAsync("/health", ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("healthy", body["status"]!.GetValue<string>());
        Assert.True(DateTimeOffset.UtcNow - body["timestamp"]!.GetValue<DateTimeOffset>() < TimeSpan.FromMinutes(1));
        foreach (var component in new[] { "database", "redis", "smtp" })
        {
            Assert.Equal("healthy", body["components"]![component]!["status"]!.GetValue<string>());
            Assert.InRange(body["components"]![component]!["latency"]!.GetValue<double>(), 0, 3000);
        }

        Assert.Equal("not configured", body["components"]!["openai"]!["status"]!.GetValue<string>());
        Assert.Equal("not configured", body["components"]!["twilio"]!["status"]!.GetValue<string>());
        Assert.Equal(0, body["metrics"]!["emergency_calls_today"]!.GetValue<long>());
        Assert.Equal(1, body["metrics"]!["active_sessions"]!.GetValue<long>());
        Assert.True(body["metrics"]!["memory_working_set_mb"]!.GetValue<long>() > 0);
        Assert.True(body["metrics"]!["gc_heap_mb"]!.GetValue<long>() > 0);
        Assert.True(body["metrics"]!["session_copies"]!.GetValue<long>() >= 1, "the chat just answered keeps a copy of its session");
        Assert.Equal(HttpStatusCode.OK, (await fx.Anonymous().GetAsync("/health/live", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fx.Anonymous().GetAsync("/health/ready", ct)).StatusCode);
    }

    [Fact]
    public async Task Api_answers_carry_the_apps_own_time_in_server_timing_and_pages_do_not()
    {
        await using var fx = new PlatformFixture();
        await fx.InitializeAsync();
        var ct = TestContext.Current.CancellationToken;

        foreach (var path in new[] { "/api/widget/config/" + Guid.NewGuid(), "/api/no-such-thing" })
        {
            var response = await fx.Anonymous().GetAsync(path, ct);
            var timing = Assert.Single(response.Headers.GetValues("Server-Timing"));
            Assert.Matches(@"^app;dur=\d+(\.\d+)?$", timing);
        }

        Assert.False((await fx.Anonymous().GetAsync("/login", ct)).Headers.Contains("Server-Timing"));
    }

    [Fact]
    public async Task With_redis_unreachable_health_is_degraded_not_unhealthy_and_the_api_still_works()
    {
        await using var fx = new OverriddenFixture(new() { ["Redis:Url"] = "redis://127.0.0.1:1/0", ["Redis:ConnectTimeoutMs"] = "300" });
        await fx.InitializeAsync();
        var response = await fx.Anonymous().GetAsync("/health", TestContext.Current.CancellationToken);
        var body = await response.JsonAsync(HttpStatusCode.OK);

        Assert.Equal("degraded", body["status"]!.GetValue<string>());
        Assert.Equal("unhealthy", body["components"]!["redis"]!["status"]!.GetValue<string>());
        Assert.Equal("healthy", body["components"]!["database"]!["status"]!.GetValue<string>());
        var (_, owner, _) = await fx.CreateBusinessAsync("FREE");
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/admin/config", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Configured_openai_and_twilio_are_probed_with_our_credentials()
    {
        await using var openAi = await FakeHttpServer.StartAsync((req, ctx) =>
            ctx.Response.WriteAsync(req.Headers.GetValueOrDefault("Authorization") == "Bearer sk-test" ? "{\"data\":[]}" : ""));
        await using var twilio = await FakeHttpServer.StartAsync((_, ctx) =>
        {
            ctx.Response.StatusCode = 401;
            return ctx.Response.WriteAsync("{\"code\":20003}");
        });
        await using var fx = new OverriddenFixture(new()
        {
            ["OpenAI:ApiKey"] = "sk-test",
            ["OpenAI:BaseUrl"] = openAi.BaseUrl + "/v1",
            ["Twilio:AccountSid"] = "ACtest",
            ["Twilio:AuthToken"] = "wrong-token",
            ["Twilio:ApiBaseUrl"] = twilio.BaseUrl,
        });
        await fx.InitializeAsync();

        var body = await (await fx.Admin().GetAsync("/health", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("healthy", body["components"]!["openai"]!["status"]!.GetValue<string>());
        Assert.Equal("unhealthy", body["components"]!["twilio"]!["status"]!.GetValue<string>());
        Assert.Equal("credentials were rejected", body["components"]!["twilio"]!["detail"]!.GetValue<string>());
        Assert.Equal("degraded", body["status"]!.GetValue<string>());
        Assert.Equal("/v1/models", Assert.Single(openAi.Requests).PathAndQuery);
        var twilioCall = Assert.Single(twilio.Requests);
        Assert.Equal("/2010-04-01/Accounts/ACtest.json", twilioCall.PathAndQuery);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ACtest:wrong-token")), twilioCall.Headers["Authorization"]);

        // A second look within a minute reads the cached probe instead of calling the paid APIs again.
        await fx.Anonymous().GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Single(openAi.Requests);
    }

    sealed class OverriddenFixture(Dictionary<string, string?> overrides) : PlatformFixture
    {
        protected override IReadOnlyDictionary<string, string?>? Overrides => overrides;
    }
}
