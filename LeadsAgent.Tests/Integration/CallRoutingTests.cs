using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadsAgent.Infrastructure.Notifications;
using LeadsAgent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsAgent.Tests.Integration;

/// <summary>
/// Business hours and call routing through the signed webhooks with the fake Twilio REST API: the owner's phone rings
/// first, what the owner misses the agent takes, and the hours API's rules and tenant isolation.
/// </summary>
public class CallRoutingTests(VoiceCallTests.Fixture fx) : IClassFixture<VoiceCallTests.Fixture>
{
    const string Token = VoiceCallTests.Token;
    const string PublicBase = VoiceCallTests.PublicBase;
    const string OwnerPhone = "+15550001111";
    const string Zone = "America/Chicago";

    static string NewNumber() => "+1555" + Random.Shared.Next(2000000, 9999999);

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<(Guid Id, string Number, HttpClient Owner)> BusinessAsync(string plan, string? ownerPhone = OwnerPhone)
    {
        var number = NewNumber();
        var (id, owner, _) = await fx.CreateBusinessAsync(plan, "PLUMBING", number);
        var details = await owner.PutAsJsonAsync("/api/admin/business", new
        {
            name = "Acme Plumbing", notificationEmail = "owner@acme.example", notificationPhoneNumber = ownerPhone ?? "", backupPhoneNumber = "+15550002222", timeZone = Zone,
        }, Ct);
        await details.JsonAsync(HttpStatusCode.OK);
        return (id, number, owner);
    }

    static object[] Week(string from, string to) =>
        [.. Enum.GetValues<DayOfWeek>().Select(d => new { day = d.ToString(), ranges = new[] { new { from, to } } })];

    /// <summary>One hour a day, twelve hours from now in Chicago: closed whenever the test runs.</summary>
    static object[] ClosedNowWeek()
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(Zone));
        var from = (local.Hour + 12) % 24;
        return Week($"{from:00}:00", $"{from + 1:00}:00");
    }

    static Task<HttpResponseMessage> PutHoursAsync(HttpClient owner, object body) => owner.PutAsJsonAsync("/api/admin/hours", body, Ct);

    TwilioCaller Caller(string to, string from = "+15557654321") => new(fx.Anonymous(), Token, PublicBase, from, to);

    Task OwnerDialAsync(TwilioCaller caller, string dialStatus, string callStatus = "in-progress") =>
        caller.PostAsync(caller.Dial!.Attribute("action")!.Value, new() { ["DialCallStatus"] = dialStatus, ["CallStatus"] = callStatus });

    [Fact]
    public async Task Ring_owner_first_with_an_unanswered_owner_ends_with_the_agent_answering_and_a_lead()
    {
        var (id, number, owner) = await BusinessAsync("PRO");
        await (await PutHoursAsync(owner, new { callRouting = "RING_OWNER_FIRST", ringOwnerSeconds = 15 })).JsonAsync(HttpStatusCode.OK);

        var caller = Caller(number);
        await caller.DialAsync();
        var dial = caller.Dial;
        Assert.NotNull(dial);
        Assert.Equal("15", dial.Attribute("timeout")!.Value);
        Assert.Equal(number, dial.Attribute("callerId")!.Value);
        Assert.Equal("true", dial.Attribute("answerOnBridge")!.Value);
        Assert.Equal("/api/voice/owner-dial", dial.Attribute("action")!.Value);
        Assert.Equal(OwnerPhone, dial.Element("Number")!.Value);
        Assert.Empty(caller.Heard);

        await OwnerDialAsync(caller, "no-answer");
        Assert.NotNull(caller.Gather);
        Assert.Contains("How can I help", caller.LastSaid, StringComparison.OrdinalIgnoreCase);
        await caller.SayAsync("hi i need a quote to replace my water heater");
        await caller.SayAsync("my name is jane doe");
        for (var i = 0; i < 8 && !caller.HungUp; i++)
        {
            await caller.SayAsync(caller.LastSaid.Contains("number", StringComparison.OrdinalIgnoreCase) ? "yes" : caller.LastSaid.Contains("address", StringComparison.OrdinalIgnoreCase) ? "12 oak street springfield" : "next tuesday morning");
        }

        Assert.True(caller.HungUp);
        await caller.StatusAsync("completed");
        var lead = (await (await owner.GetAsync("/api/admin/leads", Ct)).JsonAsync(HttpStatusCode.OK)).AsArray().Single()!;
        Assert.Equal("Jane Doe", lead["contactName"]!.GetValue<string>());
        Assert.Equal("VOICE", lead["channel"]!.GetValue<string>());
        Assert.Equal(1L, await fx.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM conversations WHERE session_id = '{caller.CallSid}' AND business_id = '{id}' AND analytics->'flowProgression' ? 'owner_missed'"));
    }

    [Fact]
    public async Task When_the_owner_answers_the_call_is_recorded_as_theirs_and_no_lead_is_made()
    {
        var (id, number, owner) = await BusinessAsync("BASIC");
        await (await PutHoursAsync(owner, new { callRouting = "RING_OWNER_FIRST" })).JsonAsync(HttpStatusCode.OK);

        var caller = Caller(number, "+15553330000");
        await caller.DialAsync();
        Assert.Equal("20", caller.Dial!.Attribute("timeout")!.Value);
        await OwnerDialAsync(caller, "completed", "completed");
        Assert.True(caller.HungUp);
        Assert.Empty(caller.Heard);
        await caller.StatusAsync("completed");

        Assert.Empty((await (await owner.GetAsync("/api/admin/leads", Ct)).JsonAsync(HttpStatusCode.OK)).AsArray());
        Assert.Equal("TRANSFERRED", await fx.Database.ScalarAsync<string>(
            $"SELECT status FROM conversations WHERE session_id = '{caller.CallSid}' AND business_id = '{id}' AND analytics->'flowProgression' ? 'owner_answered'"));
    }

    [Fact]
    public async Task On_basic_a_missed_owner_call_becomes_a_voicemail()
    {
        var (_, number, owner) = await BusinessAsync("BASIC");
        await (await PutHoursAsync(owner, new { callRouting = "RING_OWNER_FIRST" })).JsonAsync(HttpStatusCode.OK);
        var caller = Caller(number, "+15553331111");
        await caller.DialAsync();
        await OwnerDialAsync(caller, "busy");
        Assert.NotNull(caller.Record);
        Assert.Contains(caller.Heard, h => h.Contains("leave", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task After_hours_the_agent_answers_at_once_and_an_emergency_still_alerts_the_owner()
    {
        var (id, number, owner) = await BusinessAsync("PRO");
        await (await PutHoursAsync(owner, new { week = ClosedNowWeek(), callRouting = "AI_AFTER_HOURS", ringOwnerSeconds = 25 })).JsonAsync(HttpStatusCode.OK);
        var hours = await (await owner.GetAsync("/api/admin/hours", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.False(hours["openNow"]!.GetValue<bool>());
        Assert.StartsWith("Closed now", hours["status"]!.GetValue<string>(), StringComparison.Ordinal);

        var caller = Caller(number, "+15554440000");
        await caller.DialAsync();
        Assert.Null(caller.Dial);
        Assert.NotNull(caller.Gather);
        await caller.SayAsync("help my basement is flooding theres water everywhere");
        await caller.SayAsync("jane doe");
        await caller.SayAsync("yes");
        await caller.SayAsync("12 oak street springfield");
        Assert.True(caller.HungUp);

        var worker = fx.App.Services.GetRequiredService<OutboxWorker>();
        fx.PlacedCalls.Clear();
        await worker.RunOnceAsync(Ct);
        Assert.Contains(fx.PlacedCalls, c => c["To"] == OwnerPhone && c["From"] == number);
        Assert.Equal("URGENT", await fx.Database.ScalarAsync<string>($"SELECT priority FROM leads WHERE session_id = '{caller.CallSid}' AND business_id = '{id}'"));
    }

    [Fact]
    public async Task During_hours_after_hours_mode_rings_the_owner_first()
    {
        var (_, number, owner) = await BusinessAsync("PRO");
        await (await PutHoursAsync(owner, new { week = Week("00:00", "24:00"), callRouting = "AI_AFTER_HOURS" })).JsonAsync(HttpStatusCode.OK);
        var caller = Caller(number, "+15554441111");
        await caller.DialAsync();
        Assert.Equal(OwnerPhone, caller.Dial?.Element("Number")?.Value);
    }

    [Fact]
    public async Task An_unsigned_owner_dial_webhook_is_refused()
    {
        var response = await TwilioCaller.SendSignedAsync(fx.Anonymous(), Token, PublicBase, "/api/voice/owner-dial",
            new() { ["CallSid"] = "CA" + Guid.NewGuid().ToString("N"), ["DialCallStatus"] = "completed" }, tamper: s => s[..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var bare = await fx.Anonymous().PostAsync("/api/voice/owner-dial", new FormUrlEncodedContent(new Dictionary<string, string> { ["CallSid"] = "CA1" }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
    }

    [Fact]
    public async Task The_hours_api_saves_the_week_and_holidays_and_refuses_bad_input_in_words()
    {
        var (_, _, owner) = await BusinessAsync("PRO");
        var empty = await (await owner.GetAsync("/api/admin/hours", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.False(empty["hoursSet"]!.GetValue<bool>());
        Assert.Equal("AI_ALWAYS", empty["callRouting"]!.GetValue<string>());
        Assert.Equal(20, empty["ringOwnerSeconds"]!.GetValue<int>());

        var overlap = await (await PutHoursAsync(owner, new { week = new[] { new { day = "Monday", ranges = new[] { new { from = "08:00", to = "12:00" }, new { from = "11:00", to = "14:00" } } } } }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Monday: 08:00–12:00 and 11:00–14:00 overlap.", overlap["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var backwards = await (await PutHoursAsync(owner, new { week = new[] { new { day = "Tuesday", ranges = new[] { new { from = "17:00", to = "08:00" } } } } })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("start before it ends", backwards["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var five = await (await PutHoursAsync(owner, new { week = new[] { new { day = "Friday", ranges = Enumerable.Range(1, 5).Select(h => new { from = $"{h * 2:00}:00", to = $"{h * 2 + 1:00}:00" }).ToArray() } } })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("at most 4", five["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var notATime = await (await PutHoursAsync(owner, new { week = new[] { new { day = "Friday", ranges = new[] { new { from = "8am", to = "17:00" } } } } })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("not a time", notATime["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var twice = await (await PutHoursAsync(owner, new { exceptions = new[] { new { date = "2026-12-25", closed = true }, new { date = "2026-12-25", closed = true } } })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("only once", twice["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var undated = await (await PutHoursAsync(owner, new { exceptions = new[] { new { date = "0001-01-01", closed = true } } })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("needs a date", undated["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var ring = await (await PutHoursAsync(owner, new { ringOwnerSeconds = 5 })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(ApiClient.ErrorsFor(ring, "ringOwnerSeconds"));
        var afterHoursWithoutHours = await (await PutHoursAsync(owner, new { callRouting = "AI_AFTER_HOURS" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Set your opening hours first", afterHoursWithoutHours["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var badMode = await owner.SendJsonAsync(HttpMethod.Put, "/api/admin/hours", """{"callRouting":"RING_EVERYONE"}""");
        Assert.Equal(HttpStatusCode.BadRequest, badMode.StatusCode);

        var saved = await (await PutHoursAsync(owner, new
        {
            week = new object[]
            {
                new { day = "Monday", ranges = new[] { new { from = "08:00", to = "12:00" }, new { from = "13:00", to = "17:00" } } },
                new { day = "Saturday", ranges = new[] { new { from = "9:00", to = "13:00" } } },
            },
            exceptions = new object[] { new { date = "2026-12-25", label = "Christmas", closed = true }, new { date = "2026-12-24", label = "Christmas Eve", closed = false, ranges = new[] { new { from = "08:00", to = "12:00" } } } },
            callRouting = "RING_OWNER_FIRST",
            ringOwnerSeconds = 30,
        })).JsonAsync(HttpStatusCode.OK);
        Assert.True(saved["hoursSet"]!.GetValue<bool>());
        var reread = await (await owner.GetAsync("/api/admin/hours", Ct)).JsonAsync(HttpStatusCode.OK);
        var monday = reread["week"]!.AsArray().Single(d => d!["day"]!.GetValue<string>() == "Monday")!;
        Assert.Equal(["08:00-12:00", "13:00-17:00"], monday["ranges"]!.AsArray().Select(r => $"{r!["from"]}-{r["to"]}"));
        Assert.Empty(reread["week"]!.AsArray().Single(d => d!["day"]!.GetValue<string>() == "Sunday")!["ranges"]!.AsArray());
        Assert.Equal(["2026-12-24", "2026-12-25"], reread["exceptions"]!.AsArray().Select(e => e!["date"]!.GetValue<string>()));
        Assert.True(reread["exceptions"]![1]!["closed"]!.GetValue<bool>());
        Assert.Equal("RING_OWNER_FIRST", reread["callRouting"]!.GetValue<string>());
        Assert.Equal(30, reread["ringOwnerSeconds"]!.GetValue<int>());
        Assert.Equal(Zone, reread["timeZone"]!.GetValue<string>());

        // An empty week clears the hours: the agent says nothing about them again.
        var cleared = await (await PutHoursAsync(owner, new { week = Array.Empty<object>(), callRouting = "AI_ALWAYS" })).JsonAsync(HttpStatusCode.OK);
        Assert.False(cleared["hoursSet"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Routing_needs_a_paid_plan_and_the_owner_phone()
    {
        var (_, _, free) = await BusinessAsync("FREE");
        var refused = await (await PutHoursAsync(free, new { callRouting = "RING_OWNER_FIRST" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("needs the BASIC plan", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await (await PutHoursAsync(free, new { week = Week("09:00", "17:00") })).JsonAsync(HttpStatusCode.OK);

        var (_, _, noPhone) = await BusinessAsync("PRO", ownerPhone: null);
        var missing = await (await PutHoursAsync(noPhone, new { callRouting = "RING_OWNER_FIRST" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("phone for emergency alerts", missing["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_business_sees_and_changes_only_its_own_hours()
    {
        var (_, _, first) = await BusinessAsync("PRO");
        var (_, _, second) = await BusinessAsync("PRO");
        await (await PutHoursAsync(first, new { week = Week("07:00", "15:00"), callRouting = "AI_AFTER_HOURS" })).JsonAsync(HttpStatusCode.OK);

        var seen = await (await second.GetAsync("/api/admin/hours", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.False(seen["hoursSet"]!.GetValue<bool>());
        Assert.Equal("AI_ALWAYS", seen["callRouting"]!.GetValue<string>());
        await (await PutHoursAsync(second, new { week = Week("10:00", "11:00"), callRouting = "RING_OWNER_FIRST" })).JsonAsync(HttpStatusCode.OK);

        var mine = await (await first.GetAsync("/api/admin/hours", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("07:00", mine["week"]![0]!["ranges"]![0]!["from"]!.GetValue<string>());
        Assert.Equal("AI_AFTER_HOURS", mine["callRouting"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await fx.Anonymous().GetAsync("/api/admin/hours", Ct)).StatusCode);
    }
}

/// <summary>The owner's call simulator playing a routed call: the ring-owner leg unanswered, then the agent taking the call.</summary>
public class CallRoutingSimulatorTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task During_hours_owner_doesnt_answer_plays_the_ring_then_the_agent_taking_the_call()
    {
        var ct = TestContext.Current.CancellationToken;
        var (businessId, owner, _) = await fx.CreateBusinessAsync("PRO", "PLUMBING", "+1555" + Random.Shared.Next(2000000, 9999999));
        (await owner.PutAsJsonAsync("/api/admin/business", new { notificationPhoneNumber = "+15550001111", timeZone = "America/Chicago" }, ct)).EnsureSuccessStatusCode();
        // Open one hour a day, twelve hours from now: "during hours" must play at the next opening, not now.
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"));
        var from = (local.Hour + 12) % 24;
        var week = Enum.GetValues<DayOfWeek>().Select(d => new { day = d.ToString(), ranges = new[] { new { from = $"{from:00}:00", to = $"{from + 1:00}:00" } } }).ToArray();
        (await owner.PutAsJsonAsync("/api/admin/hours", new { week, callRouting = "AI_AFTER_HOURS", ringOwnerSeconds = 15 }, ct)).EnsureSuccessStatusCode();

        var simulator = fx.App.Services.GetRequiredService<LeadsAgent.Web.Voice.CallSimulator>();
        var callId = await simulator.RunAsync(businessId, LeadsAgent.Web.Voice.CallSimulator.Scenario("owner-misses")!, ct);
        var call = await simulator.GetAsync(businessId, callId!, ct);

        Assert.NotNull(call);
        Assert.Equal("ring owner", call.Turns[0].Action);
        Assert.Contains("rings for 15 seconds", call.Turns[0].AgentSaid, StringComparison.Ordinal);
        Assert.Contains("How can I help", call.Turns[1].AgentSaid, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(call.Fields, f => f.Value == "Rosa Diaz");
        Assert.True(call.LeadComplete);
        // Simulated: nothing stored.
        Assert.Equal(0L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM leads WHERE business_id = '{businessId}'"));
    }
}
