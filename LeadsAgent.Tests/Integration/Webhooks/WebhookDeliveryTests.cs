using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadsAgent.Infrastructure.Notifications;
using LeadsAgent.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsAgent.Tests.Integration.Webhooks;

/// <summary>
/// Deliveries from the outbox to a receiver on loopback (Webhooks:AllowLoopbackTargets on, as a developer's machine
/// would have it), verified with the documented C# snippet.
/// </summary>
public class WebhookDeliveryTests(WebhookDeliveryTests.Fixture fx) : IClassFixture<WebhookDeliveryTests.Fixture>
{
    public sealed class Fixture : PlatformFixture
    {
        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>
        {
            ["Webhooks:AllowLoopbackTargets"] = "true",
            // The tests drive the outbox themselves.
            ["Notifications:PollSeconds"] = "3600",
            ["Chat:BurstPerClient"] = "100",
            ["Twilio:AccountSid"] = "ACwebhooks00000000000000000000000",
            ["Twilio:AuthToken"] = TwilioToken,
            ["Twilio:WebhookBaseUrl"] = TwilioBase,
        };

        public const string TwilioToken = "webhook-test-token";
        public const string TwilioBase = "https://voice.webhooks.test";
    }

    /// <summary>A receiver that answers each POST with the next status of a script (the last one repeats).</summary>
    static Task<FakeHttpServer> ReceiverAsync(params int[] statuses)
    {
        var calls = 0;
        return FakeHttpServer.StartAsync((_, ctx) =>
        {
            var n = Interlocked.Increment(ref calls) - 1;
            ctx.Response.StatusCode = statuses[Math.Min(n, statuses.Length - 1)];
            return ctx.Response.WriteAsync("ok");
        });
    }

    internal static async Task<(Guid Id, string Secret)> RegisterAsync(HttpClient owner, string url, params string[] events)
    {
        var body = await (await owner.PostAsJsonAsync("/api/admin/webhooks", new { url, events }, TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.Created);
        return (body["id"]!.GetValue<Guid>(), body["secret"]!.GetValue<string>());
    }

    internal static async Task<Guid> ChatToLeadAsync(PlatformFixture fx, Guid businessId, string message = "My water heater is leaking")
    {
        var http = fx.Anonymous();
        var first = await (await http.PostAsJsonAsync("/api/chat", new { businessId, message })).JsonAsync(HttpStatusCode.OK);
        var session = first["sessionId"]!.GetValue<string>();
        foreach (var reply in new[] { "Walter White", "555 308 1958", "308 Negra Arroyo Lane, Albuquerque", "skip", "skip" })
        {
            var answer = await (await http.PostAsJsonAsync("/api/chat", new { businessId, sessionId = session, message = reply })).JsonAsync(HttpStatusCode.OK);
            if (answer["leadId"] is { } id)
            {
                return id.GetValue<Guid>();
            }
        }

        throw new InvalidOperationException("the chat did not produce a lead");
    }

    OutboxWorker Worker => fx.App.Services.GetRequiredService<OutboxWorker>();

    [Fact]
    public async Task A_chat_lead_reaches_the_receiver_signed_so_the_documented_snippet_verifies_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await ReceiverAsync(200);
        var (businessId, owner, _) = await fx.CreateBusinessAsync("BASIC");
        var (endpointId, secret) = await RegisterAsync(owner, receiver.BaseUrl + "/hooks/leads", "lead.created");
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);

        var leadId = await ChatToLeadAsync(fx, businessId);
        // Stored with the lead, before anything is sent.
        Assert.Equal(1L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = '{endpointId}' AND status = 'PENDING'"));
        await Worker.RunOnceAsync(ct);

        var request = Assert.Single(receiver.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/hooks/leads", request.PathAndQuery);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("lead.created", request.Headers["LeadsAgent-Event"]);
        Assert.True(LeadsAgentWebhook.Verify(secret, request.Headers["LeadsAgent-Signature"], request.Body, DateTimeOffset.UtcNow));

        var body = JsonNode.Parse(request.Body)!;
        Assert.StartsWith("evt_", body["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("lead.created", body["type"]!.GetValue<string>());
        Assert.Equal(businessId, body["business_id"]!.GetValue<Guid>());
        Assert.InRange(body["created"]!.GetValue<long>(), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Equal(leadId, body["data"]!["id"]!.GetValue<Guid>());
        Assert.Equal("Walter White", body["data"]!["contactName"]!.GetValue<string>());
        Assert.Equal("CHAT", body["data"]!["channel"]!.GetValue<string>());

        var log = await (await owner.GetAsync($"/api/admin/webhooks/{endpointId}/deliveries", ct)).JsonAsync(HttpStatusCode.OK);
        var entry = Assert.Single(log.AsArray());
        Assert.Equal("DELIVERED", entry!["status"]!.GetValue<string>());
        Assert.Equal(200, entry["lastStatusCode"]!.GetValue<int>());
        Assert.Equal(request.Headers["LeadsAgent-Delivery"], entry["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_tampered_body_or_an_old_timestamp_or_another_secret_fails_verification()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await ReceiverAsync(200);
        var (_, owner, _) = await fx.CreateBusinessAsync("BASIC");
        var (endpointId, secret) = await RegisterAsync(owner, receiver.BaseUrl + "/", "lead.created");
        var test = await (await owner.PostAsync($"/api/admin/webhooks/{endpointId}/test", null, ct)).JsonAsync(HttpStatusCode.OK);
        Assert.True(test["delivered"]!.GetValue<bool>());
        var request = Assert.Single(receiver.Requests);
        var header = request.Headers["LeadsAgent-Signature"];
        Assert.True(LeadsAgentWebhook.Verify(secret, header, request.Body, DateTimeOffset.UtcNow));

        var tampered = request.Body.Replace("A test event", "A fake event", StringComparison.Ordinal);
        Assert.NotEqual(request.Body, tampered);
        Assert.False(LeadsAgentWebhook.Verify(secret, header, tampered, DateTimeOffset.UtcNow));
        Assert.False(LeadsAgentWebhook.Verify(secret, header, request.Body, DateTimeOffset.UtcNow.AddMinutes(6)));
        var (_, otherSecret) = await RegisterAsync(owner, receiver.BaseUrl + "/other", "lead.created");
        Assert.False(LeadsAgentWebhook.Verify(otherSecret, header, request.Body, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task A_500_is_retried_after_30_seconds_and_the_retry_is_delivered()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await ReceiverAsync(500, 200);
        var (businessId, owner, _) = await fx.CreateBusinessAsync("PRO");
        var (endpointId, secret) = await RegisterAsync(owner, receiver.BaseUrl + "/crm", "lead.created", "emergency.detected");
        await ChatToLeadAsync(fx, businessId, "Hello, I need a quote for a new bathroom sink");

        await Worker.RunOnceAsync(ct);
        Assert.Single(receiver.Requests);
        var where = $"FROM webhook_deliveries WHERE endpoint_id = '{endpointId}'";
        Assert.Equal("PENDING", await fx.Database.ScalarAsync<string>($"SELECT status {where}"));
        Assert.Equal(500, await fx.Database.ScalarAsync<int>($"SELECT last_status_code {where}"));
        Assert.Contains("500", await fx.Database.ScalarAsync<string>($"SELECT last_error {where}"), StringComparison.Ordinal);
        var wait = await fx.Database.ScalarAsync<double>(
            $"SELECT extract(epoch FROM next_attempt_at - now())::float8 FROM notifications WHERE business_id = '{businessId}' AND kind = 'WEBHOOK_DELIVERY'");
        Assert.InRange(wait, 25, 31);

        // The retry falls due (as 30 seconds passing would make it).
        await fx.Database.ExecuteAsync($"UPDATE notifications SET next_attempt_at = now() WHERE business_id = '{businessId}' AND kind = 'WEBHOOK_DELIVERY'");
        await Worker.RunOnceAsync(ct);

        Assert.Equal(2, receiver.Requests.Count);
        var (first, second) = (receiver.Requests.First(), receiver.Requests.Last());
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(first.Headers["LeadsAgent-Delivery"], second.Headers["LeadsAgent-Delivery"]);
        Assert.True(LeadsAgentWebhook.Verify(secret, second.Headers["LeadsAgent-Signature"], second.Body, DateTimeOffset.UtcNow));
        Assert.Equal("DELIVERED", await fx.Database.ScalarAsync<string>($"SELECT status {where}"));
        Assert.Equal(2, await fx.Database.ScalarAsync<int>($"SELECT attempts {where}"));
        Assert.Equal(0, await fx.Database.ScalarAsync<int>($"SELECT consecutive_failures FROM webhook_endpoints WHERE id = '{endpointId}'"));
    }

    [Fact]
    public async Task An_emergency_lead_sends_lead_created_and_emergency_detected_to_the_endpoints_that_want_them()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await ReceiverAsync(200);
        var (businessId, owner, _) = await fx.CreateBusinessAsync("BASIC");
        await RegisterAsync(owner, receiver.BaseUrl + "/all", "lead.created", "emergency.detected");
        await RegisterAsync(owner, receiver.BaseUrl + "/updates", "lead.updated");

        var leadId = await ChatToLeadAsync(fx, businessId, "I smell gas in my kitchen");
        await Worker.RunOnceAsync(ct);
        Assert.Equal(["emergency.detected", "lead.created"], receiver.Requests.Where(r => r.PathAndQuery == "/all").Select(r => r.Headers["LeadsAgent-Event"]).Order());
        Assert.DoesNotContain(receiver.Requests, r => r.PathAndQuery == "/updates");

        // The owner marks the lead contacted: lead.updated, to the endpoint that asked for it only.
        (await owner.PatchAsJsonAsync($"/api/admin/leads/{leadId}", new { status = "CONTACTED" }, ct)).EnsureSuccessStatusCode();
        await Worker.RunOnceAsync(ct);
        var update = Assert.Single(receiver.Requests, r => r.PathAndQuery == "/updates");
        Assert.Equal("CONTACTED", JsonNode.Parse(update.Body)!["data"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_finished_phone_call_sends_call_completed_once_with_the_call_and_its_lead()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await ReceiverAsync(200);
        var number = "+1555" + Random.Shared.Next(2000000, 9999999);
        var (businessId, owner, _) = await fx.CreateBusinessAsync("PRO", "PLUMBING", number);
        var (_, secret) = await RegisterAsync(owner, receiver.BaseUrl + "/calls", "call.completed");

        var caller = new TwilioCaller(fx.App.CreateClient(), Fixture.TwilioToken, Fixture.TwilioBase, "+15552223344", number);
        await caller.DialAsync();
        foreach (var words in new[] { "my water heater is leaking", "Jane Doe", "555 308 1958", "12 Oak Street, Springfield", "skip", "skip" })
        {
            await caller.SayAsync(words);
        }

        await caller.StatusAsync("completed", 95);
        // Twilio may send the status callback again: still one event.
        await caller.StatusAsync("completed", 95);
        await Worker.RunOnceAsync(ct);

        var request = Assert.Single(receiver.Requests);
        Assert.Equal("call.completed", request.Headers["LeadsAgent-Event"]);
        Assert.True(LeadsAgentWebhook.Verify(secret, request.Headers["LeadsAgent-Signature"], request.Body, DateTimeOffset.UtcNow));
        var data = JsonNode.Parse(request.Body)!["data"]!;
        Assert.Equal(caller.CallSid, data["callSid"]!.GetValue<string>());
        Assert.Equal("+15552223344", data["from"]!.GetValue<string>());
        Assert.Equal(95, data["durationSeconds"]!.GetValue<int>());
        // The outcome the dashboard shows for this call.
        Assert.Equal(await fx.Database.ScalarAsync<string>($"SELECT status FROM conversations WHERE call_sid = '{caller.CallSid}'"), data["outcome"]!.GetValue<string>());
        var leadId = await fx.Database.ScalarAsync<Guid>($"SELECT id FROM leads WHERE business_id = '{businessId}'");
        Assert.Equal(leadId, data["leadId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task A_switched_off_endpoint_gets_no_events()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await ReceiverAsync(200);
        var (businessId, owner, _) = await fx.CreateBusinessAsync("BASIC");
        var (endpointId, _) = await RegisterAsync(owner, receiver.BaseUrl + "/off", "lead.created");
        (await owner.PutAsJsonAsync($"/api/admin/webhooks/{endpointId}", new { url = receiver.BaseUrl + "/off", events = new[] { "lead.created" }, enabled = false }, ct))
            .EnsureSuccessStatusCode();
        await ChatToLeadAsync(fx, businessId);
        await Worker.RunOnceAsync(ct);
        Assert.Empty(receiver.Requests);
        Assert.Equal(0L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = '{endpointId}'"));
    }
}
