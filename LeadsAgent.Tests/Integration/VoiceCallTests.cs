using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Web;
using System.Xml.Linq;
using LeadsAgent.Infrastructure.Notifications;
using LeadsAgent.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsAgent.Tests.Integration;

/// <summary>Whole phone calls through the signed webhooks, with real Redis and PostgreSQL and a fake Twilio REST API.</summary>
public class VoiceCallTests(VoiceCallTests.Fixture fx) : IClassFixture<VoiceCallTests.Fixture>
{
    public const string Token = "test-auth-token";
    public const string PublicBase = "https://voice.example.test";

    public sealed class Fixture : PlatformFixture
    {
        public FakeHttpServer Twilio { get; private set; } = null!;
        public ConcurrentQueue<Dictionary<string, string>> PlacedCalls { get; } = new();

        /// <summary>How many of the next Calls API requests the fake Twilio answers with a 500.</summary>
        public int FailNext;

        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = "ACtest00000000000000000000000000",
            ["Twilio:AuthToken"] = Token,
            ["Twilio:WebhookBaseUrl"] = PublicBase,
            ["Twilio:ApiBaseUrl"] = Twilio.BaseUrl,
            ["Notifications:PollSeconds"] = "3600",
            ["Notifications:AlertAckTimeoutSeconds"] = "1",
            ["Notifications:FirstRetrySeconds"] = "1",
        };

        public override async ValueTask InitializeAsync()
        {
            Twilio = await FakeHttpServer.StartAsync(async (req, ctx) =>
            {
                if (req.PathAndQuery.EndsWith("/Messages.json", StringComparison.Ordinal))
                {
                    // The owner's texts (issue 18) go to the same Twilio account: accepted, not counted as calls.
                    ctx.Response.StatusCode = 201;
                    await ctx.Response.WriteAsJsonAsync(new { sid = "SM" + Guid.NewGuid().ToString("N"), status = "queued" });
                    return;
                }

                if (Interlocked.Decrement(ref FailNext) >= 0)
                {
                    ctx.Response.StatusCode = 500;
                    await ctx.Response.WriteAsJsonAsync(new { code = 20500, message = "Internal Server Error", status = 500 });
                    return;
                }

                var form = HttpUtility.ParseQueryString(req.Body);
                PlacedCalls.Enqueue(form.AllKeys.ToDictionary(k => k!, k => form[k]!));
                ctx.Response.StatusCode = 201;
                await ctx.Response.WriteAsJsonAsync(new { sid = "CA" + Guid.NewGuid().ToString("N"), status = "queued" });
            });
            await base.InitializeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Twilio.DisposeAsync();
        }
    }

    static string NewNumber() => "+1555" + Random.Shared.Next(2000000, 9999999);

    async Task<(Guid Id, string Number, HttpClient Owner)> BusinessAsync(string plan)
    {
        var number = NewNumber();
        var (id, owner, _) = await fx.CreateBusinessAsync(plan, "PLUMBING", number);
        await owner.PutAsJsonAsync("/api/admin/business", new { name = "Acme Plumbing", twilioPhoneNumber = number, notificationEmail = "owner@acme.example", notificationPhoneNumber = "+15550001111", backupPhoneNumber = "+15550002222" });
        return (id, number, owner);
    }

    TwilioCaller Caller(string to, string from = "+15557654321") => new(fx.Anonymous(), Token, PublicBase, from, to);

    [Fact]
    public async Task A_flooding_caller_gets_an_urgent_lead_with_essential_questions_and_the_owner_is_called_and_can_accept()
    {
        var (_, number, owner) = await BusinessAsync("PRO");
        var caller = Caller(number);
        await caller.DialAsync();
        Assert.NotNull(caller.Gather);
        Assert.Equal("speech", caller.Gather.Attribute("input")!.Value);

        await caller.SayAsync("help my basement is flooding theres water everywhere");
        Assert.Contains("emergency", caller.LastSaid, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("name", caller.LastSaid, StringComparison.OrdinalIgnoreCase);
        await caller.SayAsync("jane doe");
        Assert.Contains("Is 5 5 5, 7 6 5, 4 3 2 1 the best number", caller.LastSaid, StringComparison.Ordinal);
        await caller.SayAsync("yes");
        Assert.Contains("address", caller.LastSaid, StringComparison.OrdinalIgnoreCase);
        await caller.SayAsync("12 oak street springfield");
        Assert.True(caller.HungUp);
        Assert.Contains("call you back", caller.LastSaid, StringComparison.Ordinal);
        Assert.DoesNotContain(caller.Heard, h => h.Contains("email", StringComparison.OrdinalIgnoreCase));

        var lead = (await (await owner.GetAsync("/api/admin/leads", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK)).AsArray().Single()!;
        Assert.Equal("URGENT", lead["priority"]!.GetValue<string>());
        Assert.Equal("VOICE", lead["channel"]!.GetValue<string>());
        Assert.Equal("+15557654321", lead["contactPhone"]!.GetValue<string>());
        Assert.Equal("Jane Doe", lead["contactName"]!.GetValue<string>());
        Assert.NotEmpty(lead["emergencyReasons"]!.AsArray());

        var worker = fx.App.Services.GetRequiredService<OutboxWorker>();
        fx.PlacedCalls.Clear();
        await worker.RunOnceAsync(TestContext.Current.CancellationToken);
        var call = Assert.Single(fx.PlacedCalls);
        Assert.Equal("+15550001111", call["To"]);
        Assert.Equal(number, call["From"]);
        Assert.True(call["Twiml"].Length <= 4000);
        var twiml = XElement.Parse(call["Twiml"]);
        Assert.Contains("Press 1 to accept", twiml.Descendants("Say").First().Value, StringComparison.Ordinal);
        Assert.Contains("12 oak street springfield", twiml.Descendants("Say").First().Value, StringComparison.Ordinal);
        var answerUrl = new Uri(twiml.Element("Gather")!.Attribute("action")!.Value);

        var accept = await TwilioCaller.SendSignedAsync(fx.Anonymous(), Token, PublicBase, answerUrl.PathAndQuery,
            new() { ["CallSid"] = "CAowner", ["Digits"] = "1", ["From"] = "+15550001111", ["To"] = number });
        Assert.Contains("the job is yours", await accept.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var detail = await (await owner.GetAsync($"/api/admin/leads/{lead["id"]}", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        Assert.NotNull(detail["alertAcknowledgedAt"]);

        // The escalation to the backup number is no longer needed.
        await Task.Delay(1100, TestContext.Current.CancellationToken);
        fx.PlacedCalls.Clear();
        await worker.RunOnceAsync(TestContext.Current.CancellationToken);
        Assert.Empty(fx.PlacedCalls);
        Assert.Contains(detail["notifications"]!.AsArray(), n => n!["kind"]!.GetValue<string>() == "OWNER_ALERT_CALL" && n["status"]!.GetValue<string>() == "SENT");
    }

    [Fact]
    public async Task When_twilio_answers_500_the_owner_alert_is_retried_and_placed_once()
    {
        var (id, number, _) = await BusinessAsync("PRO");
        var caller = Caller(number, "+15554445555");
        await caller.DialAsync();
        await caller.SayAsync("there is water pouring through my ceiling");
        await caller.SayAsync("ann king");
        await caller.SayAsync("yes");
        await caller.SayAsync("3 birch lane");
        Assert.True(caller.HungUp);

        var worker = fx.App.Services.GetRequiredService<OutboxWorker>();
        var ct = TestContext.Current.CancellationToken;
        var alertSql = $"FROM notifications WHERE business_id = '{id}' AND kind = 'OWNER_ALERT_CALL' AND payload->>'to' = '+15550001111'";
        Interlocked.Exchange(ref fx.FailNext, 1);
        fx.PlacedCalls.Clear();
        await worker.RunOnceAsync(ct);
        Assert.Empty(fx.PlacedCalls);
        Assert.Equal("PENDING", await fx.Database.ScalarAsync<string>($"SELECT status {alertSql}"));
        Assert.Contains("500", await fx.Database.ScalarAsync<string>($"SELECT last_error {alertSql}"), StringComparison.Ordinal);

        await Task.Delay(1100, ct);
        await worker.RunOnceAsync(ct);
        await Task.Delay(1100, ct);
        await worker.RunOnceAsync(ct);
        Assert.Single(fx.PlacedCalls, c => c["To"] == "+15550001111");
        Assert.Equal("SENT", await fx.Database.ScalarAsync<string>($"SELECT status {alertSql}"));
        Assert.Equal(2, await fx.Database.ScalarAsync<int>($"SELECT attempts {alertSql}"));
    }

    [Fact]
    public async Task Without_an_acknowledgement_the_backup_number_is_called()
    {
        var (_, number, owner) = await BusinessAsync("PRO");
        var caller = Caller(number, "+15553334444");
        await caller.DialAsync();
        await caller.SayAsync("i smell gas in the kitchen");
        Assert.StartsWith("If you smell gas, leave the building now.", caller.LastSaid, StringComparison.Ordinal);
        await caller.SayAsync("tom lee");
        await caller.SayAsync("yes");
        await caller.SayAsync("5 pine road");
        Assert.True(caller.HungUp);

        var worker = fx.App.Services.GetRequiredService<OutboxWorker>();
        fx.PlacedCalls.Clear();
        await worker.RunOnceAsync(TestContext.Current.CancellationToken);
        Assert.Equal("+15550001111", Assert.Single(fx.PlacedCalls)["To"]);
        await Task.Delay(1100, TestContext.Current.CancellationToken);
        await worker.RunOnceAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["+15550001111", "+15550002222"], fx.PlacedCalls.Select(c => c["To"]));

        // Every attempt is on the lead's timeline, numbers masked.
        var leadId = (await (await owner.GetAsync("/api/admin/leads", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK)).AsArray().Single()!["id"];
        var timeline = (await (await owner.GetAsync($"/api/admin/leads/{leadId}", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK))["notifications"]!.AsArray();
        var calls = timeline.Where(n => n!["kind"]!.GetValue<string>() == "OWNER_ALERT_CALL").ToList();
        Assert.Equal(["********1111", "********2222"], calls.Select(c => c!["target"]!.GetValue<string>()));
        Assert.All(calls, c => Assert.Equal("SENT", c!["status"]!.GetValue<string>()));
        Assert.True(calls[1]!["escalation"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_quote_request_completes_every_question_and_hangs_up_politely()
    {
        var (businessId, number, _) = await BusinessAsync("PRO");
        var caller = Caller(number, "+15556667777");
        await caller.DialAsync();
        await caller.SayAsync("hi i'd like a quote to replace my old water heater");
        await caller.SayAsync("my name is bob smith");
        await caller.SayAsync("no");
        await caller.SayAsync("five five five two two two three three three three");
        await caller.SayAsync("yes");
        await caller.SayAsync("42 elm street springfield");
        Assert.Contains("email", caller.LastSaid, StringComparison.OrdinalIgnoreCase);
        await caller.SayAsync("bob at example dot com");
        Assert.True(caller.HungUp);
        Assert.Contains("Goodbye", caller.LastSaid, StringComparison.Ordinal);

        Assert.Equal("NORMAL|+15552223333|bob@example.com|5", await fx.Database.ScalarAsync<string>(
            $"SELECT priority || '|' || contact_phone || '|' || contact_email || '|' || (SELECT count(*) FROM jsonb_object_keys(captured_data)) FROM leads WHERE session_id = '{caller.CallSid}'"));
        await caller.StatusAsync("completed", 95);
        Assert.Equal("COMPLETED", await fx.Database.ScalarAsync<string>($"SELECT status FROM conversations WHERE session_id = '{caller.CallSid}' AND business_id = '{businessId}'"));
    }

    [Fact]
    public async Task Asking_for_a_person_dials_the_business_with_its_number_as_caller_id_and_no_answer_offers_a_voicemail()
    {
        var (_, number, _) = await BusinessAsync("PRO");
        var caller = Caller(number);
        await caller.DialAsync();
        await caller.SayAsync("can i talk to a person please");
        Assert.NotNull(caller.Dial);
        Assert.Equal(number, caller.Dial.Attribute("callerId")!.Value);
        Assert.Equal("+15550001111", caller.Dial.Element("Number")!.Value);

        // The warm transfer (WarmTransferTests): nobody picks up, the agent offers a voicemail or a call-back.
        await caller.PostAsync(caller.Dial.Attribute("action")!.Value, new() { ["DialCallStatus"] = "no-answer" });
        Assert.Contains("voicemail", caller.LastSaid, StringComparison.Ordinal);
        await caller.SayAsync("take a message please");
        Assert.NotNull(caller.Record);
        await caller.PostAsync("/api/voice/recording", new() { ["RecordingUrl"] = "https://api.twilio.com/recordings/RE1", ["RecordingStatus"] = "completed" }, expectTwiml: false);
        Assert.Equal("https://api.twilio.com/recordings/RE1", await fx.Database.ScalarAsync<string>($"SELECT recording_url FROM leads WHERE session_id = '{caller.CallSid}'"));
    }

    [Fact]
    public async Task Silence_twice_ends_the_call()
    {
        var (_, number, _) = await BusinessAsync("PRO");
        var caller = Caller(number);
        await caller.DialAsync();
        await caller.SilenceAsync();
        Assert.Contains("Are you still there?", caller.LastSaid, StringComparison.Ordinal);
        Assert.False(caller.HungUp);
        await caller.SilenceAsync();
        Assert.True(caller.HungUp);
    }

    [Fact]
    public async Task A_free_business_number_gets_no_agent_but_a_voicemail_that_becomes_a_lead()
    {
        var (_, number, owner) = await BusinessAsync("FREE");
        var caller = Caller(number, "+15558889999");
        await caller.DialAsync();
        Assert.Null(caller.Gather);
        Assert.NotNull(caller.Record);
        Assert.Contains(caller.Heard, h => h.Contains("isn't available", StringComparison.Ordinal) && h.Contains("5 5 5, 0 0 0, 1 1 1 1", StringComparison.Ordinal));

        await caller.PostAsync("/api/voice/recording", new() { ["RecordingUrl"] = "https://api.twilio.com/recordings/RE2", ["RecordingStatus"] = "completed" }, expectTwiml: false);
        var lead = (await (await owner.GetAsync("/api/admin/leads", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK)).AsArray().Single()!;
        Assert.Equal("+15558889999", lead["contactPhone"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unsigned_and_tampered_requests_are_rejected()
    {
        var (_, number, _) = await BusinessAsync("PRO");
        var form = new Dictionary<string, string> { ["CallSid"] = "CAx", ["From"] = "+15551112222", ["To"] = number };
        var unsigned = await fx.Anonymous().PostAsync("/api/voice/incoming", new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);

        var tampered = await TwilioCaller.SendSignedAsync(fx.Anonymous(), Token, PublicBase, "/api/voice/incoming", form, s => s[..^2] + (s[^2] == 'A' ? 'B' : 'A') + s[^1]);
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        var wrongUrl = await TwilioCaller.SendSignedAsync(fx.Anonymous(), Token, "https://evil.example", "/api/voice/incoming", form);
        Assert.Equal(HttpStatusCode.Forbidden, wrongUrl.StatusCode);
        var wrongToken = await TwilioCaller.SendSignedAsync(fx.Anonymous(), "not-the-token", PublicBase, "/api/voice/incoming", form);
        Assert.Equal(HttpStatusCode.Forbidden, wrongToken.StatusCode);
    }

    [Fact]
    public async Task A_duplicated_status_callback_changes_nothing()
    {
        var (_, number, _) = await BusinessAsync("PRO");
        var caller = Caller(number, "+15554445555");
        await caller.DialAsync();
        await caller.SayAsync("my toilet is leaking call me back");
        await caller.StatusAsync("completed");
        await caller.StatusAsync("completed");
        await caller.StatusAsync("no-answer");

        Assert.Equal(1L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM conversations WHERE session_id = '{caller.CallSid}'"));
        Assert.Equal(1L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM leads WHERE session_id = '{caller.CallSid}'"));
        Assert.Equal("ABANDONED", await fx.Database.ScalarAsync<string>($"SELECT status FROM conversations WHERE session_id = '{caller.CallSid}'"));
        Assert.Equal(1L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications n JOIN leads l ON l.id = n.lead_id WHERE l.session_id = '{caller.CallSid}' AND n.kind = 'OWNER_EMAIL'"));
    }

    [Fact]
    public async Task Bad_input_gets_a_spoken_answer_never_a_500()
    {
        var (_, number, _) = await BusinessAsync("PRO");
        var noSid = await TwilioCaller.SendSignedAsync(fx.Anonymous(), Token, PublicBase, "/api/voice/incoming", new() { ["From"] = "+15551112222", ["To"] = number });
        Assert.Equal(HttpStatusCode.OK, noSid.StatusCode);
        Assert.Contains("call 911", await noSid.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var unknown = Caller("+15559990000");
        await unknown.DialAsync();
        Assert.True(unknown.HungUp);
        Assert.Contains("isn't set up", unknown.LastSaid, StringComparison.Ordinal);

        var caller = Caller(number);
        await caller.DialAsync();
        await caller.SayAsync(string.Concat(Enumerable.Repeat("my pipe burst and the basement is flooding ", 3000)));
        Assert.NotNull(caller.Gather);
        Assert.Contains("emergency", caller.LastSaid, StringComparison.OrdinalIgnoreCase);

        var lost = Caller(number);
        await lost.SayAsync("hello is anyone there");
        Assert.NotNull(lost.Gather);
    }
}
