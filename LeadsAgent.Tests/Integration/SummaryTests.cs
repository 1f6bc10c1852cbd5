using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadsAgent.Infrastructure.Notifications;
using LeadsAgent.Infrastructure.Summaries;
using LeadsAgent.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace LeadsAgent.Tests.Integration;

/// <summary>
/// The owner's summaries after calls and chats (email in the SMTP sink, SMS outbox rows), call recording through the
/// signed webhooks and a fake Twilio, the settings' plan rules, and the 7 a.m. digest with an injected clock.
/// </summary>
public class SummaryTests(SummaryTests.Fixture fx) : IClassFixture<SummaryTests.Fixture>
{
    public const string Token = "summary-auth-token";
    public const string PublicBase = "https://summary.example.test";
    public const string AccountSid = "ACsummary000000000000000000000000";

    public sealed class Fixture : PlatformFixture
    {
        public FakeHttpServer Twilio { get; private set; } = null!;
        public ConcurrentQueue<FakeHttpServer.RecordedRequest> AudioRequests { get; } = new();

        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = AccountSid,
            ["Twilio:AuthToken"] = Token,
            ["Twilio:WebhookBaseUrl"] = PublicBase,
            ["Twilio:ApiBaseUrl"] = Twilio.BaseUrl,
            ["Server:PublicBaseUrl"] = "https://dash.example.test",
            // The test runs the outbox and the digest when it means to; the sweep stays out of the way.
            ["Notifications:PollSeconds"] = "3600",
            ["Sessions:SweepSeconds"] = "3600",
            ["Summaries:DigestPollSeconds"] = "3600",
            ["Summaries:RecordingWaitSeconds"] = "0",
        };

        public override async ValueTask InitializeAsync()
        {
            Twilio = await FakeHttpServer.StartAsync(async (req, ctx) =>
            {
                if (req.Method == "GET" && req.PathAndQuery.EndsWith(".mp3", StringComparison.Ordinal))
                {
                    AudioRequests.Enqueue(req);
                    ctx.Response.ContentType = "audio/mpeg";
                    await ctx.Response.Body.WriteAsync("ID3-fake-audio"u8.ToArray());
                    return;
                }

                ctx.Response.StatusCode = 404;
                await ctx.Response.WriteAsJsonAsync(new { code = 20404, message = "Not found", status = 404 });
            });
            await base.InitializeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Twilio.DisposeAsync();
        }
    }

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static string NewNumber() => "+1555" + Random.Shared.Next(2000000, 9999999);

    static async Task<JsonNode> ChatAsync(HttpClient http, Guid businessId, string? sessionId, string message) =>
        await (await http.PostAsJsonAsync("/api/chat", new { businessId, sessionId, message }, Ct)).JsonAsync(HttpStatusCode.OK);

    async Task<(Guid Id, string Number, HttpClient Owner, string Email)> BusinessAsync(string plan, string ownerPhone = "+15550001111")
    {
        var number = NewNumber();
        var (id, owner, _) = await fx.CreateBusinessAsync(plan, "PLUMBING", number);
        var email = $"summary-{Guid.NewGuid():N}@acme.example";
        (await owner.PutAsJsonAsync("/api/admin/business", new { name = "Summit Plumbing", notificationEmail = email, notificationPhoneNumber = ownerPhone }, Ct))
            .EnsureSuccessStatusCode();
        return (id, number, owner, email);
    }

    async Task RunOutboxAsync()
    {
        var worker = fx.App.Services.GetRequiredService<OutboxWorker>();
        while (await worker.RunOnceAsync(Ct) > 0)
        {
        }
    }

    TwilioCaller Caller(string to, string from = "+15557654321") => new(fx.Anonymous(), Token, PublicBase, from, to);

    [Fact]
    public async Task A_chat_that_ends_sends_the_owner_a_summary_email_with_the_caller_words_the_outcome_and_the_transcript_link()
    {
        var (businessId, _, _, email) = await BusinessAsync("BASIC");
        var http = fx.Anonymous();
        var first = await ChatAsync(http, businessId, null, "My kitchen sink is clogged <b>again</b>");
        var session = first["sessionId"]!.GetValue<string>();
        await ChatAsync(http, businessId, session, "Dana Scully");
        await ChatAsync(http, businessId, session, "(555) 242-1313");
        await ChatAsync(http, businessId, session, "42 Oak Street, Springfield");
        var done = await ChatAsync(http, businessId, session, "dana@example.com");
        Assert.True(done["leadCaptured"]!.GetValue<bool>());
        await ChatAsync(http, businessId, session, "thanks, that's all");
        Assert.Equal("COMPLETED", await fx.Database.ScalarAsync<string>($"SELECT status FROM conversations WHERE session_id = '{session}'"));
        Assert.Equal(1L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications WHERE business_id = '{businessId}' AND kind = 'CALL_SUMMARY'"));

        await RunOutboxAsync();
        Assert.Equal("SENT", await fx.Database.ScalarAsync<string>(
            $"SELECT status || coalesce(': ' || last_error, '') FROM notifications WHERE business_id = '{businessId}' AND kind = 'CALL_SUMMARY'"));

        var mail = Assert.Single(MailSink.Shared(), m => m.To.Contains(email, StringComparison.OrdinalIgnoreCase) && m.Subject.Contains("summary", StringComparison.Ordinal));
        Assert.StartsWith("[HIGH] Chat summary for Summit Plumbing: Dana Scully (lead taken)", mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"Transcript: https://dash.example.test/conversations/{session}", mail.Text, StringComparison.Ordinal);
        Assert.Contains("What: \"My kitchen sink is clogged <b>again</b>\"", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Outcome: Lead taken", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Dana Scully, +15552421313", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"https://dash.example.test/leads/{done["leadId"]}", mail.Text, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;again&lt;/b&gt;", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>again", mail.Html, StringComparison.Ordinal);
        // Email is the default; no text without asking for one.
        Assert.Equal(0L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications WHERE business_id = '{businessId}' AND kind = 'SMS' AND payload->>'purpose' = 'SUMMARY'"));

        // Ending it again (a retried end, the sweep) queues nothing more.
        await fx.App.Services.GetRequiredService<LeadsAgent.Infrastructure.Conversations.ConversationService>()
            .EndAsync(session, LeadsAgent.Domain.Conversations.ConversationStatus.COMPLETED, Ct);
        Assert.Equal(1L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications WHERE business_id = '{businessId}' AND kind = 'CALL_SUMMARY'"));
    }

    [Fact]
    public async Task Summaries_turned_off_send_nothing_and_an_empty_chat_gets_no_summary()
    {
        var (businessId, _, owner, _) = await BusinessAsync("BASIC");
        (await owner.PutAsJsonAsync("/api/admin/summaries", new { summaryDelivery = "OFF" }, Ct)).EnsureSuccessStatusCode();
        var http = fx.Anonymous();
        var session = (await ChatAsync(http, businessId, null, "what are your hours?"))["sessionId"]!.GetValue<string>();
        await ChatAsync(http, businessId, session, "bye");
        Assert.Equal("COMPLETED", await fx.Database.ScalarAsync<string>($"SELECT status FROM conversations WHERE session_id = '{session}'"));
        Assert.Equal(0L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications WHERE business_id = '{businessId}' AND (kind = 'CALL_SUMMARY' OR payload->>'purpose' = 'SUMMARY')"));

        // A widget opened and closed with nothing typed: the session holds only the greeting.
        (await owner.PutAsJsonAsync("/api/admin/summaries", new { summaryDelivery = "EMAIL" }, Ct)).EnsureSuccessStatusCode();
        var conversations = fx.App.Services.GetRequiredService<LeadsAgent.Infrastructure.Conversations.ConversationService>();
        var profile = await fx.App.Services.GetRequiredService<LeadsAgent.Infrastructure.Businesses.BusinessDirectory>().GetAsync(businessId, Ct);
        var empty = "empty-" + Guid.NewGuid().ToString("N");
        await conversations.StartAsync(profile!, LeadsAgent.Domain.Leads.Channel.CHAT, empty, new Dictionary<string, string>(), null, Ct);
        await conversations.EndAsync(empty, LeadsAgent.Domain.Conversations.ConversationStatus.ABANDONED, Ct);
        Assert.Equal("ABANDONED", await fx.Database.ScalarAsync<string>($"SELECT status FROM conversations WHERE session_id = '{empty}'"));
        Assert.Equal(0L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications WHERE business_id = '{businessId}' AND (kind = 'CALL_SUMMARY' OR payload->>'purpose' = 'SUMMARY')"));
    }

    [Fact]
    public async Task A_voicemail_call_on_BASIC_with_texts_chosen_writes_one_SMS_summary_row_for_the_owner()
    {
        var (businessId, number, owner, _) = await BusinessAsync("BASIC", ownerPhone: "+15550003333");
        var settings = await (await owner.PutAsJsonAsync("/api/admin/summaries", new { summaryDelivery = "TEXT" }, Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("TEXT", settings["summaryDelivery"]!.GetValue<string>());
        Assert.True(settings["textsAvailable"]!.GetValue<bool>());

        var caller = Caller(number);
        await caller.DialAsync();
        Assert.NotNull(caller.Record);
        await caller.PostAsync("/api/voice/recording", new()
        {
            ["RecordingSid"] = "RE" + Guid.NewGuid().ToString("N"),
            ["RecordingUrl"] = "https://api.twilio.com/2010-04-01/Accounts/" + AccountSid + "/Recordings/RE1",
            ["RecordingStatus"] = "completed",
            ["RecordingDuration"] = "12",
        }, expectTwiml: false);
        await caller.StatusAsync("completed", duration: 65);

        var payload = JsonNode.Parse(await fx.Database.ScalarAsync<string>(
            $"SELECT payload::text FROM notifications WHERE business_id = '{businessId}' AND kind = 'SMS' AND payload->>'purpose' = 'SUMMARY'"))!;
        Assert.Equal("+15550003333", payload["to"]!.GetValue<string>());
        Assert.Equal("SUMMARY", payload["purpose"]!.GetValue<string>());
        var body = payload["body"]!.GetValue<string>();
        Assert.Contains("voicemail", body, StringComparison.Ordinal);
        Assert.Contains("+15557654321", body, StringComparison.Ordinal);
        Assert.Contains("1 min 05 s", body, StringComparison.Ordinal);
        Assert.EndsWith($"https://dash.example.test/conversations/{caller.CallSid}", body, StringComparison.Ordinal);
        Assert.True(body.Length <= LeadsAgent.Domain.Notifications.ConversationSummary.MaxShortLength);
        // Text only: no email.
        Assert.Equal(0L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications WHERE business_id = '{businessId}' AND kind = 'CALL_SUMMARY'"));
    }

    [Fact]
    public async Task FREE_cannot_choose_texts_and_BASIC_cannot_turn_recording_on_and_a_bad_choice_is_a_validation_problem()
    {
        var (_, _, free, _) = await BusinessAsync("FREE");
        var texts = await free.PutAsJsonAsync("/api/admin/summaries", new { summaryDelivery = "BOTH" }, Ct);
        var problem = await texts.JsonAsync(HttpStatusCode.Forbidden);
        Assert.Contains("BASIC", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var current = await (await free.GetAsync("/api/admin/summaries", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("EMAIL", current["summaryDelivery"]!.GetValue<string>());
        Assert.True(current["dailyDigest"]!.GetValue<bool>());
        Assert.False(current["textsAvailable"]!.GetValue<bool>());

        var (_, _, basic, _) = await BusinessAsync("BASIC");
        var recording = await basic.PutAsJsonAsync("/api/admin/summaries", new { callRecording = true }, Ct);
        Assert.Contains("PRO", (await recording.JsonAsync(HttpStatusCode.Forbidden))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False((await (await basic.GetAsync("/api/admin/summaries", Ct)).JsonAsync(HttpStatusCode.OK))["callRecording"]!.GetValue<bool>());

        var bad = await basic.PutAsJsonAsync("/api/admin/summaries", new { summaryDelivery = "FAX" }, Ct);
        var validation = await bad.JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("EMAIL, TEXT, BOTH or OFF", validation["errors"]!["summaryDelivery"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_recording_on_the_notice_is_said_first_and_the_callback_stores_the_recording_the_owner_can_play()
    {
        var (businessId, number, owner, email) = await BusinessAsync("PRO");
        var on = await (await owner.PutAsJsonAsync("/api/admin/summaries", new { callRecording = true }, Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.True(on["callRecording"]!.GetValue<bool>());
        Assert.Equal("This call may be recorded for quality and training.", on["recordingNotice"]!.GetValue<string>());

        var caller = Caller(number);
        await caller.DialAsync();
        var verbs = caller.Twiml!.Root!.Elements().ToList();
        Assert.Equal("Say", verbs[0].Name.LocalName);
        Assert.Equal("This call may be recorded for quality and training.", verbs[0].Value);
        Assert.Equal("Start", verbs[1].Name.LocalName);
        var recording = verbs[1].Element("Recording")!;
        Assert.Equal("/api/voice/call-recording", recording.Attribute("recordingStatusCallback")!.Value);
        Assert.Equal("completed", recording.Attribute("recordingStatusCallbackEvent")!.Value);
        Assert.Equal("Gather", verbs[2].Name.LocalName);

        await caller.SayAsync("my water heater is leaking");
        await caller.StatusAsync("completed", duration: 30);
        var sid = "RE" + Guid.NewGuid().ToString("N");
        var url = $"https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Recordings/{sid}";
        var callback = await caller.PostAsync("/api/voice/call-recording", new()
        {
            ["RecordingSid"] = sid,
            ["RecordingUrl"] = url,
            ["RecordingStatus"] = "completed",
            ["RecordingDuration"] = "29",
        }, expectTwiml: false);
        Assert.Equal(HttpStatusCode.NoContent, callback.StatusCode);
        Assert.Equal(url, await fx.Database.ScalarAsync<string>($"SELECT recording_url FROM conversations WHERE session_id = '{caller.CallSid}'"));
        Assert.Equal(29, await fx.Database.ScalarAsync<int>($"SELECT recording_seconds FROM conversations WHERE session_id = '{caller.CallSid}'"));

        // An unsigned callback changes nothing.
        var forged = await fx.Anonymous().PostAsync("/api/voice/call-recording", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CallSid"] = caller.CallSid, ["RecordingSid"] = "RE" + Guid.NewGuid().ToString("N"), ["RecordingUrl"] = "https://evil.example/x", ["RecordingStatus"] = "completed",
        }), Ct);
        Assert.NotEqual(HttpStatusCode.NoContent, forged.StatusCode);
        Assert.Equal(url, await fx.Database.ScalarAsync<string>($"SELECT recording_url FROM conversations WHERE session_id = '{caller.CallSid}'"));

        // The owner plays it: streamed from the configured Twilio host by its id, with the account's credentials.
        var audio = await owner.GetAsync($"/api/admin/conversations/{caller.CallSid}/recording", Ct);
        Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
        Assert.Equal("audio/mpeg", audio.Content.Headers.ContentType!.MediaType);
        Assert.Equal("ID3-fake-audio", await audio.Content.ReadAsStringAsync(Ct));
        var fetched = Assert.Single(fx.AudioRequests, r => r.PathAndQuery.Contains(sid, StringComparison.Ordinal));
        Assert.Equal($"/2010-04-01/Accounts/{AccountSid}/Recordings/{sid}.mp3", fetched.PathAndQuery);
        Assert.Equal("Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{AccountSid}:{Token}")), fetched.Headers["Authorization"]);

        // Another business's owner cannot.
        var (_, _, other, _) = await BusinessAsync("PRO");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/admin/conversations/{caller.CallSid}/recording", Ct)).StatusCode);

        // The summary email carries the recording link.
        await RunOutboxAsync();
        var mail = Assert.Single(MailSink.Shared(), m => m.To.Contains(email, StringComparison.OrdinalIgnoreCase) && m.Subject.Contains("Call summary", StringComparison.Ordinal));
        Assert.Contains($"Recording: https://dash.example.test/conversations/{caller.CallSid}#recording", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Call length: 30 s", mail.Text, StringComparison.Ordinal);
        _ = businessId;
    }

    [Fact]
    public async Task With_recording_off_there_is_no_notice_and_no_recording()
    {
        var (_, number, _, _) = await BusinessAsync("PRO");
        var caller = Caller(number);
        await caller.DialAsync();
        var verbs = caller.Twiml!.Root!.Elements().ToList();
        Assert.Equal("Gather", verbs[0].Name.LocalName);
        Assert.DoesNotContain(caller.Twiml.Descendants(), e => e.Name.LocalName is "Start" or "Recording");
        Assert.DoesNotContain(caller.Heard, h => h.Contains("recorded", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_daily_digest_goes_at_7_am_in_each_business_zone_once_and_lists_yesterday_by_priority()
    {
        var (york, _, yorkOwner, yorkEmail) = await BusinessAsync("BASIC");
        var (paris, _, parisOwner, parisEmail) = await BusinessAsync("BASIC");
        (await yorkOwner.PutAsJsonAsync("/api/admin/business", new { timeZone = "America/New_York" }, Ct)).EnsureSuccessStatusCode();
        (await parisOwner.PutAsJsonAsync("/api/admin/business", new { timeZone = "Europe/Paris" }, Ct)).EnsureSuccessStatusCode();

        // 11 March 2030 local: New York is UTC-4 (DST since the 10th), Paris UTC+1.
        var urgent = await new SeedLead(Name: "Uma Urgent", Priority: "URGENT", Channel: "VOICE", CreatedAt: At("2030-03-11T21:30:00Z")).InsertAsync(fx.Database, york);
        var normal = await new SeedLead(Name: "Nora Normal", Priority: "NORMAL", CreatedAt: At("2030-03-11T13:00:00Z")).InsertAsync(fx.Database, york);
        var high = await new SeedLead(Name: "Hal High", Priority: "HIGH", CreatedAt: At("2030-03-12T02:00:00Z")).InsertAsync(fx.Database, york); // 10 p.m. on the 11th in New York
        var tooEarly = await new SeedLead(Name: "Old Otto", CreatedAt: At("2030-03-11T03:00:00Z")).InsertAsync(fx.Database, york); // the 10th in New York
        var parisLead = await new SeedLead(Name: "Pia Paris", Priority: "LOW", CreatedAt: At("2030-03-11T10:00:00Z")).InsertAsync(fx.Database, paris);

        var clock = new FakeTimeProvider(At("2030-03-12T05:59:00Z"));
        DailyDigestWorker Worker() => new(fx.App.Services.GetRequiredService<NpgsqlDataSource>(), Options.Create(new SummaryOptions()), clock,
            NullLogger<DailyDigestWorker>.Instance);
        var first = Worker();
        var second = Worker();

        async Task<long> DigestsAsync(Guid id) =>
            await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications WHERE business_id = '{id}' AND kind = 'DAILY_DIGEST'");

        await first.RunOnceAsync(Ct);
        Assert.Equal(0L, await DigestsAsync(paris)); // 6:59 in Paris
        Assert.Equal(0L, await DigestsAsync(york));

        clock.SetUtcNow(At("2030-03-12T06:00:00Z"));
        await first.RunOnceAsync(Ct);
        await second.RunOnceAsync(Ct);
        Assert.Equal(1L, await DigestsAsync(paris)); // 7:00 in Paris, once with two instances
        Assert.Equal(0L, await DigestsAsync(york)); // 2:00 in New York

        clock.SetUtcNow(At("2030-03-12T10:59:00Z"));
        await second.RunOnceAsync(Ct);
        Assert.Equal(0L, await DigestsAsync(york));

        // The app was down at 7: back at 9 the same morning, the digest still goes, once.
        clock.SetUtcNow(At("2030-03-12T13:00:00Z"));
        await Task.WhenAll(first.RunOnceAsync(Ct), second.RunOnceAsync(Ct));
        await first.RunOnceAsync(Ct);
        Assert.Equal(1L, await DigestsAsync(york));
        Assert.Equal(1L, await DigestsAsync(paris));
        Assert.Equal("2030-03-11", JsonNode.Parse(await fx.Database.ScalarAsync<string>(
            $"SELECT payload::text FROM notifications WHERE business_id = '{york}' AND kind = 'DAILY_DIGEST'"))!["day"]!.GetValue<string>());

        await RunOutboxAsync();
        var mail = Assert.Single(MailSink.Shared(), m => m.To.Contains(yorkEmail, StringComparison.OrdinalIgnoreCase) && m.Subject.Contains("yesterday", StringComparison.Ordinal));
        Assert.Equal("[URGENT] 3 new leads yesterday for Summit Plumbing", mail.Subject);
        Assert.Contains("Your leads for Monday, March 11.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("3 in all: 1 URGENT, 1 HIGH, 1 NORMAL.", mail.Text, StringComparison.Ordinal);
        var order = new[] { "Uma Urgent", "Hal High", "Nora Normal" }.Select(n => mail.Text.IndexOf(n, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order().ToList(), order);
        Assert.Contains("5:30 PM Uma Urgent", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"https://dash.example.test/leads/{urgent}", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"https://dash.example.test/leads/{normal}", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"https://dash.example.test/leads/{high}", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(tooEarly.ToString(), mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Old Otto", mail.Text, StringComparison.Ordinal);
        var parisMail = Assert.Single(MailSink.Shared(), m => m.To.Contains(parisEmail, StringComparison.OrdinalIgnoreCase) && m.Subject.Contains("yesterday", StringComparison.Ordinal));
        Assert.Contains($"https://dash.example.test/leads/{parisLead}", parisMail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_day_without_leads_sends_no_digest_unless_the_owner_asks_and_a_digest_switched_off_sends_nothing()
    {
        var (quiet, _, quietOwner, _) = await BusinessAsync("FREE");
        var (wants, _, wantsOwner, wantsEmail) = await BusinessAsync("FREE");
        var (off, _, offOwner, _) = await BusinessAsync("FREE");
        foreach (var owner in new[] { quietOwner, wantsOwner, offOwner })
        {
            (await owner.PutAsJsonAsync("/api/admin/business", new { timeZone = "America/Chicago" }, Ct)).EnsureSuccessStatusCode();
        }

        (await wantsOwner.PutAsJsonAsync("/api/admin/summaries", new { digestWhenEmpty = true }, Ct)).EnsureSuccessStatusCode();
        (await offOwner.PutAsJsonAsync("/api/admin/summaries", new { dailyDigest = false }, Ct)).EnsureSuccessStatusCode();
        await new SeedLead(CreatedAt: At("2031-06-09T18:00:00Z")).InsertAsync(fx.Database, off);

        var worker = new DailyDigestWorker(fx.App.Services.GetRequiredService<NpgsqlDataSource>(), Options.Create(new SummaryOptions()),
            new FakeTimeProvider(At("2031-06-10T12:00:00Z")), NullLogger<DailyDigestWorker>.Instance);
        await worker.RunOnceAsync(Ct);

        Assert.Equal(0L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications WHERE business_id = '{quiet}' AND kind = 'DAILY_DIGEST'"));
        Assert.Equal(1L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM digest_runs WHERE business_id = '{quiet}' AND day = '2031-06-09'"));
        Assert.Equal(0L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications WHERE business_id = '{off}' AND kind = 'DAILY_DIGEST'"));
        Assert.Equal(1L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications WHERE business_id = '{wants}' AND kind = 'DAILY_DIGEST'"));
        await RunOutboxAsync();
        var mail = Assert.Single(MailSink.Shared(), m => m.To.Contains(wantsEmail, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("No new leads yesterday for Summit Plumbing", mail.Subject);
    }

    static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
