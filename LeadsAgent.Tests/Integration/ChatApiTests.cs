using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadsAgent.Infrastructure.Notifications;
using LeadsAgent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsAgent.Tests.Integration;

/// <summary>The website chat API and the owner's email, with the real SMTP sink.</summary>
public class ChatApiTests(ChatApiTests.Fixture fx) : IClassFixture<ChatApiTests.Fixture>
{
    public sealed class Fixture : PlatformFixture
    {
        // The background outbox pass stays out of the way; tests run it when they mean to.
        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?> { ["Notifications:PollSeconds"] = "3600" };
    }

    static async Task<JsonNode> SendAsync(HttpClient http, Guid businessId, string? sessionId, string message, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await http.PostAsJsonAsync("/api/chat", new { businessId, sessionId, message });
        return await response.JsonAsync(expected);
    }

    [Fact]
    public async Task A_chat_that_captures_a_lead_produces_exactly_one_owner_email_with_encoded_content()
    {
        var (businessId, _, ownerEmail) = await fx.CreateBusinessAsync("BASIC");
        var http = fx.Anonymous();
        var first = await SendAsync(http, businessId, null, "My kitchen sink is clogged <img src=x onerror=alert(1)>");
        var sessionId = first["sessionId"]!.GetValue<string>();
        Assert.StartsWith("chat_", sessionId, StringComparison.Ordinal);
        Assert.Equal("HIGH", first["priority"]!.GetValue<string>());
        Assert.True(first["showBranding"]!.GetValue<bool>());
        await SendAsync(http, businessId, sessionId, "Dana Scully");
        await SendAsync(http, businessId, sessionId, "(555) 242-1313");
        await SendAsync(http, businessId, sessionId, "42 Oak Street, Springfield");
        var done = await SendAsync(http, businessId, sessionId, "dana@example.com");
        Assert.True(done["leadCaptured"]!.GetValue<bool>());
        Assert.NotNull(done["leadId"]);

        await fx.App.Services.GetRequiredService<OutboxWorker>().RunOnceAsync(TestContext.Current.CancellationToken);
        await fx.App.Services.GetRequiredService<OutboxWorker>().RunOnceAsync(TestContext.Current.CancellationToken);
        var mail = Assert.Single(MailSink.Shared(), m => m.To.Contains(ownerEmail, StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("[HIGH] New lead for Test PLUMBING BASIC: Dana Scully", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("+15552421313", mail.Text, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", mail.Html, StringComparison.Ordinal);
        Assert.Contains($"/leads/{done["leadId"]}", mail.Text, StringComparison.Ordinal);
        Assert.Equal("SENT", await fx.Database.ScalarAsync<string>($"SELECT status FROM notifications WHERE lead_id = '{done["leadId"]}' AND kind = 'OWNER_EMAIL'"));
    }

    [Fact]
    public async Task An_emergency_reply_carries_the_safety_script_and_a_number_to_call()
    {
        var (businessId, owner, _) = await fx.CreateBusinessAsync("PRO", twilioNumber: "+1555" + Random.Shared.Next(2000000, 9999999));
        var reply = await SendAsync(fx.Anonymous(), businessId, null, "there's smoke coming out of the outlet");
        Assert.True(reply["emergency"]!.GetValue<bool>());
        Assert.Equal("URGENT", reply["priority"]!.GetValue<string>());
        Assert.StartsWith("If there is fire, smoke or sparking", reply["reply"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("If there is fire", reply["safetyScript"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("+1555", reply["emergencyPhone"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(reply["showBranding"]!.GetValue<bool>());
        Assert.DoesNotContain("<", reply["reply"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_widget_config_shows_the_agent_and_branding_by_plan()
    {
        var (free, _, _) = await fx.CreateBusinessAsync("FREE");
        var (pro, proOwner, _) = await fx.CreateBusinessAsync("PRO");
        await proOwner.PutAsJsonAsync("/api/admin/config", new { agentName = "Ava", colorTheme = new { primary = "#0b5cad", secondary = "#f59e0b" } }, TestContext.Current.CancellationToken);

        var freeConfig = await (await fx.Anonymous().GetAsync($"/api/widget/config/{free}", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        Assert.True(freeConfig["showBranding"]!.GetValue<bool>());
        var proConfig = await (await fx.Anonymous().GetAsync($"/api/widget/config/{pro}", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        Assert.False(proConfig["showBranding"]!.GetValue<bool>());
        Assert.Equal("Ava", proConfig["agentName"]!.GetValue<string>());
        Assert.Equal("#0b5cad", proConfig["colors"]!["primary"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await fx.Anonymous().GetAsync($"/api/widget/config/{Guid.NewGuid()}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fx.Anonymous().GetAsync("/api/widget/config/not-a-guid", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Bad_requests_get_clear_errors_and_never_corrupt_the_conversation()
    {
        var (businessId, _, _) = await fx.CreateBusinessAsync("PRO");
        var http = fx.Anonymous();
        var first = await SendAsync(http, businessId, null, "I need a new water heater installed");
        var sessionId = first["sessionId"]!.GetValue<string>();

        Assert.Equal("Unknown business", (await SendAsync(http, Guid.NewGuid(), null, "hello", HttpStatusCode.NotFound))["title"]!.GetValue<string>());
        Assert.NotEmpty(ApiClient.ErrorsFor(await SendAsync(http, businessId, sessionId, "   ", HttpStatusCode.BadRequest), "message"));
        Assert.NotEmpty(ApiClient.ErrorsFor(await (await http.PostAsJsonAsync("/api/chat", new { businessId, sessionId }, TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.BadRequest), "message"));
        Assert.NotEmpty(ApiClient.ErrorsFor(await SendAsync(http, businessId, sessionId, new string('a', 1001), HttpStatusCode.BadRequest), "message"));
        Assert.NotEmpty(ApiClient.ErrorsFor(await (await http.PostAsJsonAsync("/api/chat", new { businessId = "nope", message = "hi" }, TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.BadRequest), "businessId"));
        Assert.Equal("session_not_found", (await SendAsync(http, businessId, "chat_0000", "hello", HttpStatusCode.NotFound))["code"]!.GetValue<string>());
        var (otherBusiness, _, _) = await fx.CreateBusinessAsync("PRO");
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsJsonAsync("/api/chat", new { businessId = otherBusiness, sessionId, message = "hijack" }, TestContext.Current.CancellationToken)).StatusCode);

        // The conversation carries on exactly where it was.
        var next = await SendAsync(http, businessId, sessionId, "Fox Mulder");
        Assert.Contains("number", next["reply"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Only_allowed_origins_pass_cors_and_the_apps_own_origin_always_does()
    {
        var (businessId, owner, _) = await fx.CreateBusinessAsync("PRO");
        await owner.PutAsJsonAsync("/api/admin/config", new { allowedWidgetOrigins = new[] { "https://www.plumber.example" } }, TestContext.Current.CancellationToken);

        async Task<HttpResponseMessage> PreflightAsync(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, "/api/chat");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "content-type");
            return await fx.Anonymous().SendAsync(request, TestContext.Current.CancellationToken);
        }

        var allowed = await PreflightAsync("https://www.plumber.example");
        Assert.Equal("https://www.plumber.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var evil = await PreflightAsync("https://evil.example");
        Assert.False(evil.Headers.Contains("Access-Control-Allow-Origin"));

        var post = new HttpRequestMessage(HttpMethod.Post, "/api/chat") { Content = JsonContent.Create(new { businessId, message = "hi" }) };
        post.Headers.Add("Origin", "https://evil.example");
        var refused = await fx.Anonymous().SendAsync(post, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));

        var own = new HttpRequestMessage(HttpMethod.Post, "/api/chat") { Content = JsonContent.Create(new { businessId, message = "hi" }) };
        own.Headers.Add("Origin", "http://localhost");
        Assert.Equal(HttpStatusCode.OK, (await fx.Anonymous().SendAsync(own, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_flood_of_messages_is_refused_with_retry_after()
    {
        var (businessId, _, _) = await fx.CreateBusinessAsync("FREE");
        var http = fx.Anonymous();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 15; i++)
        {
            var response = await http.PostAsJsonAsync("/api/chat", new { businessId, message = $"hello {i}" }, TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            limited ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.NotNull(limited);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }
}
