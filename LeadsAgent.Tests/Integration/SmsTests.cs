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

/// <summary>
/// Text messages end to end (issue 18): the owner's and the caller's texts through the real Twilio SDK against a fake
/// Messages API on loopback, STOP/START/HELP, the inbound SMS channel, phone-then-text, missed-call text-back, quiet hours.
/// </summary>
public class SmsTests(SmsTests.Fixture fx) : IClassFixture<SmsTests.Fixture>
{
    const string Token = "test-auth-token";
    const string PublicBase = "https://sms.example.test";
    const string Owner = "+15550001111";

    public sealed class Fixture : PlatformFixture
    {
        public FakeHttpServer Twilio { get; private set; } = null!;
        public ConcurrentQueue<Dictionary<string, string>> Texts { get; } = new();

        /// <summary>Numbers the fake Messages API refuses with Twilio's 21610 (the recipient texted STOP to Twilio).</summary>
        public ConcurrentDictionary<string, byte> Unsubscribed { get; } = new();

        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = "ACtest00000000000000000000000000",
            ["Twilio:AuthToken"] = Token,
            ["Twilio:WebhookBaseUrl"] = PublicBase,
            ["Twilio:ApiBaseUrl"] = Twilio.BaseUrl,
            ["Server:PublicBaseUrl"] = "https://app.example.test",
            ["Notifications:PollSeconds"] = "3600",
            ["Texts:MissedCallDelaySeconds"] = "0",
        };

        public override async ValueTask InitializeAsync()
        {
            Twilio = await FakeHttpServer.StartAsync(async (req, ctx) =>
            {
                var form = HttpUtility.ParseQueryString(req.Body);
                if (!req.PathAndQuery.EndsWith("/Messages.json", StringComparison.Ordinal))
                {
                    ctx.Response.StatusCode = 201;
                    await ctx.Response.WriteAsJsonAsync(new { sid = "CA" + Guid.NewGuid().ToString("N"), status = "queued" });
                    return;
                }

                if (Unsubscribed.ContainsKey(form["To"]!))
                {
                    ctx.Response.StatusCode = 400;
                    await ctx.Response.WriteAsJsonAsync(new { code = 21610, message = "Attempt to send to unsubscribed recipient", status = 400 });
                    return;
                }

                Texts.Enqueue(form.AllKeys.ToDictionary(k => k!, k => form[k]!));
                ctx.Response.StatusCode = 201;
                await ctx.Response.WriteAsJsonAsync(new { sid = "SM" + Guid.NewGuid().ToString("N"), status = "queued", num_segments = "1", body = form["Body"] });
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

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<(Guid Id, string Number, HttpClient Owner)> BusinessAsync(string plan = "PRO", bool callerTexts = true)
    {
        var number = NewNumber();
        var (id, owner, _) = await fx.CreateBusinessAsync(plan, "PLUMBING", number);
        (await owner.PutAsJsonAsync("/api/admin/business", new { name = "Acme Plumbing", twilioPhoneNumber = number, notificationEmail = "owner@acme.example", notificationPhoneNumber = Owner }, Ct))
            .EnsureSuccessStatusCode();
        (await owner.PutAsJsonAsync("/api/admin/texts", new { ownerTexts = true, callerConfirmation = callerTexts, missedCallTextBack = callerTexts, quietHoursEnabled = false, quietStart = "21:00", quietEnd = "08:00" }, Ct))
            .EnsureSuccessStatusCode();
        return (id, number, owner);
    }

    /// <summary>Texts the business as a phone would through Twilio: a signed webhook; returns the replies in the TwiML.</summary>
    async Task<List<string>> TextAsync(string from, string to, string body)
    {
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = "ACtest00000000000000000000000000",
            ["ApiVersion"] = "2010-04-01",
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"),
            ["SmsStatus"] = "received",
            ["NumMedia"] = "0",
            ["From"] = from,
            ["To"] = to,
            ["Body"] = body,
        };
        var response = await TwilioCaller.SendSignedAsync(fx.Anonymous(), Token, PublicBase, "/api/sms/incoming", form);
        var xml = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, xml);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var doc = XDocument.Parse(xml);
        Assert.Equal("Response", doc.Root!.Name.LocalName);
        Assert.All(doc.Root.Elements(), e => Assert.Equal("Message", e.Name.LocalName));
        return [.. doc.Root.Elements("Message").Select(m => m.Value)];
    }

    readonly HashSet<Dictionary<string, string>> _returned = [];

    /// <summary>
    /// Runs the outbox and returns the texts sent from <paramref name="number"/> not returned before (the app's own worker
    /// may have sent some a moment earlier, and other tests' businesses share the fake Twilio).
    /// </summary>
    async Task<List<Dictionary<string, string>>> SendOutboxAsync(string number)
    {
        await fx.App.Services.GetRequiredService<OutboxWorker>().RunOnceAsync(Ct);
        var fresh = fx.Texts.Where(t => t["From"] == number && !_returned.Contains(t)).ToList();
        _returned.UnionWith(fresh);
        return fresh;
    }

    TwilioCaller Caller(string to, string from) => new(fx.Anonymous(), Token, PublicBase, from, to);

    async Task<TwilioCaller> QuoteCallAsync(string number, string from)
    {
        var caller = Caller(number, from);
        await caller.DialAsync();
        await caller.SayAsync("hi my kitchen tap is leaking can someone come and fix it");
        await caller.SayAsync("my name is maria lopez");
        await caller.SayAsync("yes");
        await caller.SayAsync("42 elm street springfield");
        for (var i = 0; i < 3 && !caller.HungUp; i++)
        {
            await caller.SayAsync("maria at example dot com");
        }

        Assert.True(caller.HungUp, string.Join(" | ", caller.Heard));
        return caller;
    }

    [Fact]
    public async Task A_lead_by_phone_texts_the_owner_with_a_link_and_confirms_to_the_caller()
    {
        var (id, number, _) = await BusinessAsync();
        var from = NewNumber();
        var caller = await QuoteCallAsync(number, from);
        var leadId = await fx.Database.ScalarAsync<Guid>($"SELECT id FROM leads WHERE session_id = '{caller.CallSid}'");
        // Stored with the lead, before anything was sent.
        Assert.Equal(2L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications WHERE lead_id = '{leadId}' AND kind = 'SMS' AND status = 'PENDING'"));

        var texts = await SendOutboxAsync(number);
        var toOwner = Assert.Single(texts, t => t["To"] == Owner);
        Assert.Equal(number, toOwner["From"]);
        Assert.StartsWith("New lead for Acme Plumbing: Maria Lopez", toOwner["Body"], StringComparison.Ordinal);
        Assert.Contains($"https://app.example.test/leads/{leadId}", toOwner["Body"], StringComparison.Ordinal);
        Assert.Equal($"{PublicBase}/api/sms/status?n=" + await fx.Database.ScalarAsync<Guid>($"SELECT id FROM notifications WHERE lead_id = '{leadId}' AND payload->>'to' = '{Owner}'"),
            toOwner["StatusCallback"]);

        var toCaller = Assert.Single(texts, t => t["To"] == from);
        Assert.StartsWith("Thanks Maria, Acme Plumbing has your request about \"", toCaller["Body"], StringComparison.Ordinal);
        Assert.EndsWith("We'll call you back as soon as we can.", toCaller["Body"], StringComparison.Ordinal);
        Assert.Equal(0L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications WHERE business_id = '{id}' AND kind = 'SMS' AND status <> 'SENT'"));
    }

    [Fact]
    public async Task STOP_then_a_lead_sends_no_text_to_the_caller_and_START_turns_texts_back_on()
    {
        var (id, number, owner) = await BusinessAsync();
        var from = NewNumber();
        Assert.Equal(["You're unsubscribed from Acme Plumbing. Reply START to resubscribe."], await TextAsync(from, number, "Stop"));
        var page = await (await owner.GetAsync("/api/admin/texts", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(from, Assert.Single(page["optOuts"]!.AsArray())!["phoneNumber"]!.GetValue<string>());

        // Opted out: an ordinary text gets no answer at all.
        Assert.Empty(await TextAsync(from, number, "hello?"));

        await QuoteCallAsync(number, from);
        var texts = await SendOutboxAsync(number);
        Assert.Single(texts, t => t["To"] == Owner);
        Assert.DoesNotContain(texts, t => t["To"] == from);
        Assert.Contains("opted out", await fx.Database.ScalarAsync<string>(
            $"SELECT last_error FROM notifications WHERE business_id = '{id}' AND payload->>'to' = '{from}' AND status = 'CANCELLED'"), StringComparison.Ordinal);

        Assert.Equal(["You're subscribed again to texts from Acme Plumbing. Reply STOP to unsubscribe."], await TextAsync(from, number, "START"));
        Assert.Equal(0L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM sms_opt_outs WHERE business_id = '{id}'"));
        await QuoteCallAsync(number, from);
        Assert.Single(await SendOutboxAsync(number), t => t["To"] == from);
    }

    [Fact]
    public async Task HELP_answers_with_the_business_name_how_to_reach_it_and_how_to_stop()
    {
        var (_, number, _) = await BusinessAsync();
        var reply = Assert.Single(await TextAsync(NewNumber(), number, "help"));
        Assert.Equal("Acme Plumbing: text us here with what you need, or call (555) 000-1111. Reply STOP to unsubscribe.", reply);
    }

    [Fact]
    public async Task A_blocked_number_texting_in_gets_no_reply_no_conversation_and_no_lead()
    {
        var (id, number, owner) = await BusinessAsync();
        var from = NewNumber();
        (await owner.PostAsJsonAsync("/api/admin/blocked-numbers", new { number = from, reason = "Spam texts" }, Ct)).EnsureSuccessStatusCode();

        Assert.Empty(await TextAsync(from, number, "Hi, my water heater is leaking in the garage"));
        Assert.Empty(await TextAsync(from, number, "help"));
        Assert.Equal(0, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM conversations WHERE business_id = '{id}'"));
        Assert.Equal(0, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM leads WHERE business_id = '{id}'"));
        Assert.Equal(0, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications WHERE business_id = '{id}'"));

        // Another number still gets the agent.
        Assert.NotEmpty(await TextAsync(NewNumber(), number, "Hi, my water heater is leaking in the garage"));
    }

    [Fact]
    public async Task Twilio_21610_stores_the_opt_out_and_is_never_retried()
    {
        var (id, number, _) = await BusinessAsync();
        var from = NewNumber();
        fx.Unsubscribed[from] = 0;
        await QuoteCallAsync(number, from);
        await SendOutboxAsync(number);
        Assert.Equal("FAILED", await fx.Database.ScalarAsync<string>($"SELECT status FROM notifications WHERE business_id = '{id}' AND payload->>'to' = '{from}'"));
        Assert.Equal("TWILIO_21610", await fx.Database.ScalarAsync<string>($"SELECT source FROM sms_opt_outs WHERE business_id = '{id}' AND phone_number = '{from}'"));
    }

    [Fact]
    public async Task An_inbound_text_conversation_completes_a_lead_on_the_sms_channel()
    {
        var (id, number, owner) = await BusinessAsync();
        var from = NewNumber();
        var first = string.Join(" ", await TextAsync(from, number, "Hi, my water heater is leaking in the garage"));
        Assert.Contains("name", first, StringComparison.OrdinalIgnoreCase);
        var second = string.Join(" ", await TextAsync(from, number, "Maria Lopez"));
        // The number the text came from is offered, not asked for.
        Assert.Contains(from, second, StringComparison.Ordinal);
        await TextAsync(from, number, "yes");
        var last = "";
        foreach (var answer in new[] { "42 Elm Street, Springfield", "maria@example.com", "no thanks", "bye" })
        {
            if (await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM leads WHERE business_id = '{id}' AND channel = 'SMS' AND notes NOT LIKE '(partial%'") > 0)
            {
                break;
            }

            last = string.Join(" ", await TextAsync(from, number, answer));
        }

        var lead = (await (await owner.GetAsync("/api/admin/leads", Ct)).JsonAsync(HttpStatusCode.OK)).AsArray().Single()!;
        Assert.Equal("SMS", lead["channel"]!.GetValue<string>());
        Assert.Equal("Maria Lopez", lead["contactName"]!.GetValue<string>());
        Assert.Equal(from, lead["contactPhone"]!.GetValue<string>());
        Assert.NotEmpty(last);

        var texts = await SendOutboxAsync(number);
        Assert.Single(texts, t => t["To"] == Owner);
        Assert.StartsWith("Thanks Maria, Acme Plumbing has your request", Assert.Single(texts, t => t["To"] == from)["Body"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_who_hung_up_can_finish_by_text_in_the_same_conversation_and_the_owner_gets_one_lead()
    {
        var (id, number, _) = await BusinessAsync();
        var from = NewNumber();
        var caller = Caller(number, from);
        await caller.DialAsync();
        await caller.SayAsync("my toilet is leaking all over the floor");
        await caller.SayAsync("my name is mary jones");
        await caller.StatusAsync("completed");
        // The call left a partial lead (the caller's number and name); the owner's email about it is sent now.
        var partialId = await fx.Database.ScalarAsync<Guid>($"SELECT id FROM leads WHERE business_id = '{id}' AND notes LIKE '(partial%'");
        await SendOutboxAsync(number);

        // The text carries on: the name is known, so the agent goes on to the next question.
        var reply = string.Join(" ", await TextAsync(from, number, "sorry we got cut off"));
        Assert.DoesNotContain("your name", reply, StringComparison.OrdinalIgnoreCase);
        var session = await fx.Database.ScalarAsync<string>($"SELECT session_id FROM conversations WHERE session_id = '{caller.CallSid}'");
        Assert.Equal(caller.CallSid, session);

        await TextAsync(from, number, "yes");
        foreach (var answer in new[] { "42 Elm Street, Springfield", "mary@example.com", "no thanks" })
        {
            if (await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM leads WHERE business_id = '{id}' AND notes NOT LIKE '(partial%'") > 0)
            {
                break;
            }

            await TextAsync(from, number, answer);
        }

        // One request, one lead: the call's partial lead is now the complete one, moved to the text conversation.
        var lead = await fx.Database.ScalarAsync<string>(
            $"SELECT id || '|' || session_id || '|' || contact_name || '|' || address || '|' || conversation_transcript FROM leads WHERE business_id = '{id}'");
        Assert.StartsWith($"{partialId}|sms_", lead, StringComparison.Ordinal);
        Assert.Contains("|Mary Jones|42 Elm Street", lead, StringComparison.Ordinal);
        Assert.Contains("toilet is leaking", lead, StringComparison.Ordinal);
        Assert.Contains("cut off", lead, StringComparison.Ordinal);
        Assert.Equal(partialId, await fx.Database.ScalarAsync<Guid>($"SELECT lead_id FROM conversations WHERE session_id = '{caller.CallSid}'"));

        // The complete request reaches the caller and the owner as any new lead does.
        var texts = await SendOutboxAsync(number);
        Assert.StartsWith("Thanks Mary, Acme Plumbing has your request", Assert.Single(texts, t => t["To"] == from)["Body"], StringComparison.Ordinal);
        Assert.Contains("Mary Jones", Assert.Single(texts, t => t["To"] == Owner)["Body"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hang_up_during_the_greeting_gets_one_missed_call_text_per_day()
    {
        var (id, number, _) = await BusinessAsync();
        var from = NewNumber();
        var caller = Caller(number, from);
        await caller.DialAsync();
        await caller.StatusAsync("completed", 4);

        var text = Assert.Single(await SendOutboxAsync(number), t => t["To"] == from);
        Assert.StartsWith("Sorry we missed your call to Acme Plumbing. Reply to this text", text["Body"], StringComparison.Ordinal);
        Assert.Equal(number, text["From"]);

        var again = Caller(number, from);
        await again.DialAsync();
        await again.StatusAsync("completed", 3);
        Assert.DoesNotContain(await SendOutboxAsync(number), t => t["To"] == from);
        Assert.Equal(1L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications WHERE business_id = '{id}' AND payload->>'purpose' = 'MISSED_CALL'"));
    }

    [Fact]
    public async Task A_call_that_leaves_a_request_gets_no_missed_call_text()
    {
        var (id, number, _) = await BusinessAsync();
        var from = NewNumber();
        var caller = await QuoteCallAsync(number, from);
        await caller.StatusAsync("completed");
        Assert.Equal(0L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications WHERE business_id = '{id}' AND payload->>'purpose' = 'MISSED_CALL'"));
    }

    [Fact]
    public async Task Quiet_hours_postpone_a_callers_text_to_their_end_without_dropping_it()
    {
        var (id, number, owner) = await BusinessAsync();
        // Quiet hours around the present moment in the business's zone (New York): from an hour ago to two hours ahead.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone);
        var (start, end) = (TimeOnly.FromDateTime(local.DateTime).AddHours(-1), TimeOnly.FromDateTime(local.DateTime).AddHours(2));
        (await owner.PutAsJsonAsync("/api/admin/texts", new { ownerTexts = true, callerConfirmation = true, missedCallTextBack = true, quietHoursEnabled = true,
            quietStart = start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), quietEnd = end.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) }, Ct))
            .EnsureSuccessStatusCode();
        var from = NewNumber();
        await QuoteCallAsync(number, from);

        var texts = await SendOutboxAsync(number);
        // The owner's text is not held back; the caller's waits.
        Assert.Single(texts, t => t["To"] == Owner);
        Assert.DoesNotContain(texts, t => t["To"] == from);
        var row = $"FROM notifications WHERE business_id = '{id}' AND payload->>'to' = '{from}'";
        Assert.Equal("PENDING", await fx.Database.ScalarAsync<string>($"SELECT status {row}"));
        Assert.Equal("0|Waiting for the end of quiet hours.", await fx.Database.ScalarAsync<string>($"SELECT attempts || '|' || coalesce(last_error, '') {row}"));
        var due = await fx.Database.ScalarAsync<DateTime>($"SELECT next_attempt_at {row}");
        var expectedLocal = local.Date + end.ToTimeSpan() + (end < TimeOnly.FromDateTime(local.DateTime) ? TimeSpan.FromDays(1) : TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(expectedLocal, zone.GetUtcOffset(expectedLocal)).UtcDateTime, DateTime.SpecifyKind(due, DateTimeKind.Utc), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_long_reply_is_split_into_messages_of_at_most_1600_characters()
    {
        var reply = await SmsTestsHelpers.ReplyOf(Enumerable.Repeat("Our team will look at the boiler, the pipes and the valves. ", 60));
        Assert.True(reply.Count >= 2);
        Assert.All(reply, r => Assert.InRange(r.Length, 1, 1600));
    }

    [Fact]
    public async Task Unsigned_or_forged_texts_are_refused()
    {
        var (_, number, _) = await BusinessAsync();
        var form = new Dictionary<string, string> { ["MessageSid"] = "SM1", ["From"] = "+15551112222", ["To"] = number, ["Body"] = "STOP" };
        var unsigned = await fx.Anonymous().PostAsync("/api/sms/incoming", new FormUrlEncodedContent(form), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        var forged = await TwilioCaller.SendSignedAsync(fx.Anonymous(), "not-the-token", PublicBase, "/api/sms/incoming", form);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(0L, await fx.Database.ScalarAsync<long>("SELECT count(*) FROM sms_opt_outs WHERE phone_number = '+15551112222'"));
    }

    [Fact]
    public async Task The_texts_api_validates_and_each_owner_sees_only_their_own_settings_and_opt_outs()
    {
        var (idA, numberA, ownerA) = await BusinessAsync();
        var (_, _, ownerB) = await BusinessAsync("FREE", callerTexts: false);
        var bad = await ownerA.PutAsJsonAsync("/api/admin/texts", new { ownerTexts = true, callerConfirmation = (bool?)null, missedCallTextBack = true, quietHoursEnabled = true, quietStart = "25:00", quietEnd = "25:00" }, Ct);
        var problem = await bad.JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["callerConfirmation"]);
        Assert.Contains("21:00", problem["errors"]!["quietStart"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var same = await ownerA.PutAsJsonAsync("/api/admin/texts", new { ownerTexts = true, callerConfirmation = true, missedCallTextBack = true, quietHoursEnabled = true, quietStart = "09:00", quietEnd = "09:00" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);

        await TextAsync(NewNumber(), numberA, "STOP");
        var b = await (await ownerB.GetAsync("/api/admin/texts", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(b["optOuts"]!.AsArray());
        Assert.False(b["callerConfirmation"]!.GetValue<bool>());
        Assert.False(b["newLeadTextsInPlan"]!.GetValue<bool>());
        Assert.EndsWith("/api/sms/incoming", b["messagingWebhookUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        var a = await (await ownerA.GetAsync("/api/admin/texts", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Single(a["optOuts"]!.AsArray());
        Assert.True(a["callerConfirmation"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await fx.Anonymous().GetAsync("/api/admin/texts", Ct)).StatusCode);
        Assert.Equal(1L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM sms_opt_outs WHERE business_id = '{idA}'"));
    }

    [Fact]
    public async Task A_delivery_status_is_kept_on_the_text_and_a_later_21610_opts_the_number_out()
    {
        var (id, number, _) = await BusinessAsync();
        var from = NewNumber();
        await QuoteCallAsync(number, from);
        await SendOutboxAsync(number);
        var rowId = await fx.Database.ScalarAsync<Guid>($"SELECT id FROM notifications WHERE business_id = '{id}' AND payload->>'to' = '{from}'");
        var status = await TwilioCaller.SendSignedAsync(fx.Anonymous(), Token, PublicBase, $"/api/sms/status?n={rowId}",
            new() { ["MessageSid"] = "SM1", ["MessageStatus"] = "undelivered", ["ErrorCode"] = "21610", ["To"] = from, ["From"] = number });
        Assert.Equal(HttpStatusCode.NoContent, status.StatusCode);
        Assert.Equal("undelivered", await fx.Database.ScalarAsync<string>($"SELECT payload->>'deliveryStatus' FROM notifications WHERE id = '{rowId}'"));
        Assert.Equal("TWILIO_21610", await fx.Database.ScalarAsync<string>($"SELECT source FROM sms_opt_outs WHERE business_id = '{id}' AND phone_number = '{from}'"));
    }

    [Fact]
    public async Task The_demo_pro_business_has_every_text_on()
    {
        for (var i = 0; i < 2; i++)
        {
            await using var scope = fx.App.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<LeadsAgent.Infrastructure.Persistence.DemoData>().SeedAsync(Ct);
        }

        Assert.Equal("true|true|true|true", await fx.Database.ScalarAsync<string>("""
            SELECT t.owner_texts::text || '|' || t.caller_confirmation::text || '|' || t.missed_call_text_back::text || '|' || t.quiet_hours_enabled::text
            FROM text_settings t JOIN businesses b ON b.id = t.business_id WHERE b.name = 'Acme Plumbing & Heating'
            """));
    }
}

static class SmsTestsHelpers
{
    /// <summary>What the endpoint renders for a long agent reply: the split replies in TwiML, read back.</summary>
    public static Task<List<string>> ReplyOf(IEnumerable<string> sentences)
    {
        var text = string.Concat(sentences);
        var result = (Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult)LeadsAgent.Web.Sms.SmsEndpoints.Reply(LeadsAgent.Domain.Texts.SmsText.Split(text));
        var doc = XDocument.Parse(result.ResponseContent!);
        return Task.FromResult(doc.Root!.Elements("Message").Select(m => m.Value).ToList());
    }
}
