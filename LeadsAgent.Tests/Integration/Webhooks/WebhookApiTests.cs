using System.Net;
using System.Net.Http.Json;
using LeadsAgent.Infrastructure.Net;
using LeadsAgent.Infrastructure.Notifications;
using LeadsAgent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LeadsAgent.Tests.Integration.Webhooks;

/// <summary>
/// The webhooks API with the production address rules (Webhooks:AllowLoopbackTargets off): bad addresses and events
/// are refused with ProblemDetails, FREE gets the plan body, and one business never sees another's endpoints.
/// Made-up host names resolve through a script; 93.184.216.34 stands for a public address that is never connected to.
/// </summary>
public class WebhookApiTests(WebhookApiTests.Fixture fx) : IClassFixture<WebhookApiTests.Fixture>
{
    public sealed class Fixture : PlatformFixture
    {
        public KnowledgeUrlSafetyTests.ScriptedResolver Resolver { get; } = new();

        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>
        {
            ["Notifications:PollSeconds"] = "3600",
        };

        protected override void ConfigureApp(AppFactory app) => app.TestServices = services =>
            services.Replace(ServiceDescriptor.Singleton<IHostNameResolver>(Resolver));
    }

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static readonly IPAddress s_public = IPAddress.Parse("93.184.216.34");

    static Task<HttpResponseMessage> PostAsync(HttpClient owner, string url, params string[] events) =>
        owner.PostAsJsonAsync("/api/admin/webhooks", new { url, events = events.Length == 0 ? ["lead.created"] : events }, Ct);

    [Theory]
    [InlineData("http://hooks.example.com/x", "https://")]
    [InlineData("https://127.0.0.1/hook", "private network")]
    [InlineData("https://localhost:8443/hook", "private network")]
    [InlineData("https://10.0.0.8/hook", "private network")]
    [InlineData("https://169.254.169.254/latest/meta-data", "private network")]
    [InlineData("https://[::1]/hook", "private network")]
    [InlineData("https://user:pass@hooks.example.com/x", "password")]
    [InlineData("hooks.example.com/x", "full web address")]
    [InlineData("", "Enter the address")]
    public async Task A_bad_address_is_refused_with_a_problem_naming_the_url(string url, string expected)
    {
        var (_, owner, _) = await fx.CreateBusinessAsync("BASIC");
        var problem = await (await PostAsync(owner, url)).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains(ApiClient.ErrorsFor(problem, "url"), e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_host_that_resolves_to_a_private_address_or_nowhere_is_refused_at_registration()
    {
        fx.Resolver.Answer("intranet.example.test", [IPAddress.Parse("10.1.2.3")]);
        fx.Resolver.Answer("mixed.example.test", [s_public, IPAddress.Parse("192.168.1.9")]);
        var (_, owner, _) = await fx.CreateBusinessAsync("BASIC");

        foreach (var host in new[] { "intranet.example.test", "mixed.example.test" })
        {
            var problem = await (await PostAsync(owner, $"https://{host}/hook")).JsonAsync(HttpStatusCode.BadRequest);
            Assert.Contains("private network", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        var missing = await (await PostAsync(owner, "https://nowhere.example.test/hook")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("does not exist", missing["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_or_missing_events_are_refused()
    {
        fx.Resolver.Answer("hooks.example.test", [s_public]);
        var (_, owner, _) = await fx.CreateBusinessAsync("BASIC");
        var unknown = await (await PostAsync(owner, "https://hooks.example.test/x", "lead.deleted")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains(unknown["errors"]!.AsObject(), e => e.Key.StartsWith("events", StringComparison.Ordinal));
        Assert.Contains("lead.deleted", unknown["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var none = await (await owner.PostAsJsonAsync("/api/admin/webhooks", new { url = "https://hooks.example.test/x", events = Array.Empty<string>() }, Ct))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(ApiClient.ErrorsFor(none, "events"));
    }

    [Fact]
    public async Task The_secret_is_shown_once_and_rolling_it_gives_a_new_one()
    {
        fx.Resolver.Answer("crm.example.test", [s_public]);
        var (_, owner, _) = await fx.CreateBusinessAsync("BASIC");
        var created = await (await PostAsync(owner, "https://crm.example.test/in", "lead.created", "call.completed")).JsonAsync(HttpStatusCode.Created);
        var secret = created["secret"]!.GetValue<string>();
        Assert.Matches("^whsec_[A-Za-z0-9_-]{43}$", secret);
        var id = created["id"]!.GetValue<Guid>();

        var list = await (await owner.GetAsync("/api/admin/webhooks", Ct)).JsonAsync(HttpStatusCode.OK);
        var listed = Assert.Single(list.AsArray());
        Assert.Null(listed!["secret"]);
        Assert.Equal(["lead.created", "call.completed"], listed["events"]!.AsArray().Select(e => e!.GetValue<string>()));
        // Encrypted at rest: the stored value is not the secret.
        Assert.DoesNotContain(secret, await fx.Database.ScalarAsync<string>($"SELECT secret_protected FROM webhook_endpoints WHERE id = '{id}'"), StringComparison.Ordinal);

        var rolled = await (await owner.PostAsync($"/api/admin/webhooks/{id}/roll-secret", null, Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.NotEqual(secret, rolled["secret"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_free_business_gets_the_plan_upgrade_body()
    {
        var (_, owner, _) = await fx.CreateBusinessAsync("FREE");
        foreach (var response in new[] { await owner.GetAsync("/api/admin/webhooks", Ct), await PostAsync(owner, "https://hooks.example.test/x") })
        {
            var body = await response.JsonAsync(HttpStatusCode.Forbidden);
            Assert.Equal("BASIC", body["requiredPlan"]!.GetValue<string>());
            Assert.Equal("FREE", body["currentPlan"]!.GetValue<string>());
            Assert.Equal("/account/plan", body["upgradeUrl"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task One_business_never_sees_or_touches_another_business_endpoints()
    {
        fx.Resolver.Answer("mine.example.test", [s_public]);
        var (_, mine, _) = await fx.CreateBusinessAsync("BASIC");
        var (_, theirs, _) = await fx.CreateBusinessAsync("PRO");
        var id = (await (await PostAsync(mine, "https://mine.example.test/in")).JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>();

        Assert.Empty((await (await theirs.GetAsync("/api/admin/webhooks", Ct)).JsonAsync(HttpStatusCode.OK)).AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/api/admin/webhooks/{id}/deliveries", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PostAsync($"/api/admin/webhooks/{id}/test", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PostAsync($"/api/admin/webhooks/{id}/roll-secret", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await theirs.PutAsJsonAsync($"/api/admin/webhooks/{id}", new { url = "https://mine.example.test/in", events = new[] { "lead.updated" } }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.DeleteAsync($"/api/admin/webhooks/{id}", Ct)).StatusCode);
        Assert.Single((await (await mine.GetAsync("/api/admin/webhooks", Ct)).JsonAsync(HttpStatusCode.OK)).AsArray());

        Assert.Equal(HttpStatusCode.NoContent, (await mine.DeleteAsync($"/api/admin/webhooks/{id}", Ct)).StatusCode);
        Assert.Empty((await (await mine.GetAsync("/api/admin/webhooks", Ct)).JsonAsync(HttpStatusCode.OK)).AsArray());
    }

    [Fact]
    public async Task A_host_that_turns_private_after_registration_is_refused_at_delivery_time()
    {
        var ct = TestContext.Current.CancellationToken;
        // Public when registered, then the DNS answer changes to this server's own loopback (rebinding).
        fx.Resolver.Answer("rebind.example.test", [s_public], [IPAddress.Loopback]);
        var (businessId, owner, _) = await fx.CreateBusinessAsync("BASIC");
        var id = (await (await PostAsync(owner, "https://rebind.example.test/in", "lead.created")).JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>();

        var test = await (await owner.PostAsync($"/api/admin/webhooks/{id}/test", null, ct)).JsonAsync(HttpStatusCode.OK);
        Assert.False(test["delivered"]!.GetValue<bool>());
        Assert.Contains("private network", test["message"]!.GetValue<string>(), StringComparison.Ordinal);

        // The same from the outbox: a chat lead's delivery is refused before any connection and waits for a retry.
        await WebhookDeliveryTests.ChatToLeadAsync(fx, businessId);
        await fx.App.Services.GetRequiredService<OutboxWorker>().RunOnceAsync(ct);
        var where = $"FROM webhook_deliveries WHERE endpoint_id = '{id}' AND event_type = 'lead.created'";
        Assert.Equal("PENDING", await fx.Database.ScalarAsync<string>($"SELECT status {where}"));
        Assert.Contains("private network", await fx.Database.ScalarAsync<string>($"SELECT last_error {where}"), StringComparison.Ordinal);
        Assert.True(await fx.Database.ScalarAsync<bool>($"SELECT last_status_code IS NULL {where}"));
    }
}
