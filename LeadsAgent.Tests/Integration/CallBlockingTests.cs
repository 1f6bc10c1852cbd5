using System.Net;
using System.Net.Http.Json;
using LeadsAgent.Infrastructure.Sessions;
using LeadsAgent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsAgent.Tests.Integration;

/// <summary>Block lists and call screening through the signed voice webhooks, the owner API and the platform API.</summary>
public class CallBlockingTests(VoiceCallTests.Fixture fx) : IClassFixture<VoiceCallTests.Fixture>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static string NewNumber() => "+1555" + Random.Shared.Next(2000000, 9999999);

    async Task<(Guid Id, string Number, HttpClient Owner)> BusinessAsync(string name = "Acme Plumbing")
    {
        var number = NewNumber();
        var (id, owner, _) = await fx.CreateBusinessAsync("PRO", "PLUMBING", number);
        var update = await owner.PutAsJsonAsync("/api/admin/business", new { name, twilioPhoneNumber = number, notificationEmail = "owner@acme.example", notificationPhoneNumber = "+15550001111" }, Ct);
        update.EnsureSuccessStatusCode();
        return (id, number, owner);
    }

    TwilioCaller Caller(string to, string from) => new(fx.Anonymous(), VoiceCallTests.Token, VoiceCallTests.PublicBase, from, to);

    async Task AssertNothingStoredAsync(Guid businessId, string callSid)
    {
        Assert.Equal(0L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM conversations WHERE session_id = '{callSid}'"));
        Assert.Equal(0L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM leads WHERE business_id = '{businessId}'"));
        Assert.Equal(0L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications WHERE business_id = '{businessId}'"));
        Assert.Null(await fx.App.Services.GetRequiredService<ISessionStore>().GetAsync(callSid, Ct));
    }

    [Fact]
    public async Task A_blocked_caller_hears_one_sentence_is_hung_up_on_and_nothing_is_stored_but_the_count()
    {
        var (id, number, owner) = await BusinessAsync();
        var block = await owner.PostAsJsonAsync("/api/admin/blocked-numbers", new { number = "(555) 010-0666", reason = "Robocall: extended car warranty" }, Ct);
        var entry = await block.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("+15550100666", entry["number"]!.GetValue<string>());

        var caller = Caller(number, "+15550100666");
        await caller.DialAsync();
        Assert.True(caller.HungUp);
        Assert.Null(caller.Record);
        Assert.Equal("This number can't reach Acme Plumbing. Goodbye.", Assert.Single(caller.Heard));
        // Twilio's status callback and a late gather for the same call change nothing.
        await caller.StatusAsync("completed", 4);
        await AssertNothingStoredAsync(id, caller.CallSid);

        var list = (await (await owner.GetAsync("/api/admin/blocked-numbers", Ct)).JsonAsync(HttpStatusCode.OK)).AsArray();
        var row = Assert.Single(list)!;
        Assert.Equal(1, row["blockedCalls"]!.GetValue<int>());
        Assert.NotNull(row["lastBlockedAt"]);

        // A gather for a call without a session (blocked mid-call, its session expired) does not start the call again.
        var late = Caller(number, "+15550100666");
        await late.PostAsync("/api/voice/gather", new() { ["CallStatus"] = "in-progress", ["SpeechResult"] = "hello?" });
        Assert.True(late.HungUp);
        Assert.Equal("This number can't reach Acme Plumbing. Goodbye.", Assert.Single(late.Heard));
        await AssertNothingStoredAsync(id, late.CallSid);

        // Another caller still reaches the agent.
        var other = Caller(number, "+15557654321");
        await other.DialAsync();
        Assert.NotNull(other.Gather);
    }

    [Fact]
    public async Task A_number_on_the_platform_list_is_refused_for_every_business_and_only_the_platform_admin_removes_it()
    {
        var (firstId, first, firstOwner) = await BusinessAsync("First Plumbing");
        var (secondId, second, _) = await BusinessAsync("Second Heating");
        var scam = NewNumber();
        var added = await (await fx.Admin().PostAsJsonAsync("/api/platform/blocked-numbers", new { number = scam, reason = "Scam calls" }, Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.True(added["platformWide"]!.GetValue<bool>());

        foreach (var (businessId, to, name) in new[] { (firstId, first, "First Plumbing"), (secondId, second, "Second Heating") })
        {
            var caller = Caller(to, scam);
            await caller.DialAsync();
            Assert.True(caller.HungUp);
            Assert.Equal($"This number can't reach {name}. Goodbye.", Assert.Single(caller.Heard));
            await AssertNothingStoredAsync(businessId, caller.CallSid);
        }

        var platform = (await (await fx.Admin().GetAsync("/api/platform/blocked-numbers", Ct)).JsonAsync(HttpStatusCode.OK)).AsArray();
        Assert.Equal(2, platform.Single(r => r!["number"]!.GetValue<string>() == scam)!["blockedCalls"]!.GetValue<int>());

        // Owners neither list nor remove the platform's entries; an owner may not use the platform API.
        Assert.Empty((await (await firstOwner.GetAsync("/api/admin/blocked-numbers", Ct)).JsonAsync(HttpStatusCode.OK)).AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await firstOwner.DeleteAsync($"/api/admin/blocked-numbers/{added["id"]}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await firstOwner.PostAsJsonAsync("/api/platform/blocked-numbers", new { number = NewNumber() }, Ct)).StatusCode);
        var duplicate = await fx.Admin().PostAsJsonAsync("/api/platform/blocked-numbers", new { number = scam }, Ct);
        Assert.Contains("already on the platform's block list", (await duplicate.JsonAsync(HttpStatusCode.Conflict))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var ownNumber = await fx.Admin().PostAsJsonAsync("/api/platform/blocked-numbers", new { number = first }, Ct);
        Assert.Contains("business on this platform", (await ownNumber.JsonAsync(HttpStatusCode.BadRequest))["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await fx.Admin().DeleteAsync($"/api/platform/blocked-numbers/{added["id"]}", Ct)).StatusCode);
        var again = Caller(first, scam);
        await again.DialAsync();
        Assert.NotNull(again.Gather);
    }

    [Fact]
    public async Task Screening_sends_hidden_and_failed_stir_callers_to_voicemail_only_when_switched_on()
    {
        var (id, number, owner) = await BusinessAsync();
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/admin/call-screening", Ct)).StatusCode);
        var screening = await (await owner.GetAsync("/api/admin/call-screening", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.False(screening["screenNoCallerId"]!.GetValue<bool>());
        Assert.False(screening["screenFailedStir"]!.GetValue<bool>());

        // Off (the default): both reach the agent.
        var hidden = Caller(number, "anonymous");
        await hidden.DialAsync();
        Assert.NotNull(hidden.Gather);
        var unverified = Caller(number, "+15553334444");
        await unverified.PostAsync("/api/voice/incoming", new() { ["CallStatus"] = "ringing", ["StirVerstat"] = "TN-Validation-Failed-B" });
        Assert.NotNull(unverified.Gather);

        // Hidden numbers on: a withheld caller goes to voicemail, a failed STIR verdict still reaches the agent.
        (await owner.PutAsJsonAsync("/api/admin/call-screening", new { screenNoCallerId = true }, Ct)).EnsureSuccessStatusCode();
        foreach (var withheld in new[] { "anonymous", "+266696687", "restricted" })
        {
            var caller = Caller(number, withheld);
            await caller.DialAsync();
            Assert.Null(caller.Gather);
            Assert.NotNull(caller.Record);
            Assert.Contains("leave your name, your phone number and a short message", caller.Heard[0], StringComparison.Ordinal);
        }

        var stillThrough = Caller(number, "+15553334445");
        await stillThrough.PostAsync("/api/voice/incoming", new() { ["CallStatus"] = "ringing", ["StirVerstat"] = "TN-Validation-Failed-A" });
        Assert.NotNull(stillThrough.Gather);

        // Failed STIR on too: that caller goes to voicemail, a passed one does not; the message becomes a lead.
        var saved = await (await owner.PutAsJsonAsync("/api/admin/call-screening", new { screenFailedStir = true }, Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.True(saved["screenNoCallerId"]!.GetValue<bool>());
        var failed = Caller(number, "+15553334446");
        await failed.PostAsync("/api/voice/incoming", new() { ["CallStatus"] = "ringing", ["StirVerstat"] = "TN-Validation-Failed-C" });
        Assert.NotNull(failed.Record);
        var passed = Caller(number, "+15553334447");
        await passed.PostAsync("/api/voice/incoming", new() { ["CallStatus"] = "ringing", ["StirVerstat"] = "TN-Validation-Passed-A" });
        Assert.NotNull(passed.Gather);

        await failed.PostAsync("/api/voice/recording", new() { ["RecordingUrl"] = "https://api.twilio.com/recordings/RE9", ["RecordingStatus"] = "completed" }, expectTwiml: false);
        Assert.Equal("+15553334446", await fx.Database.ScalarAsync<string>($"SELECT contact_phone FROM leads WHERE session_id = '{failed.CallSid}' AND business_id = '{id}'"));
    }

    [Fact]
    public async Task The_block_list_api_explains_bad_numbers_refuses_your_own_and_duplicates_and_keeps_businesses_apart()
    {
        var (_, number, owner) = await BusinessAsync();
        var (_, _, otherOwner) = await BusinessAsync("Other Business");

        async Task<string> RefusedAsync(object body, HttpStatusCode status)
        {
            var response = await owner.PostAsJsonAsync("/api/admin/blocked-numbers", body, Ct);
            return (await response.JsonAsync(status))["detail"]!.GetValue<string>();
        }

        Assert.Contains("phone number", await RefusedAsync(new { number = "call me maybe" }, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("Enter the phone number", await RefusedAsync(new { number = "" }, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("own LeadsAgent number", await RefusedAsync(new { number }, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("phone your alerts go to", await RefusedAsync(new { number = "555-000-1111" }, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("200", await RefusedAsync(new { number = "+15550109999", reason = new string('x', 201) }, HttpStatusCode.BadRequest), StringComparison.Ordinal);

        var entry = await (await owner.PostAsJsonAsync("/api/admin/blocked-numbers", new { number = "+1 555 010 9999", reason = "Spam" }, Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Contains("already on your block list", await RefusedAsync(new { number = "(555) 010-9999" }, HttpStatusCode.Conflict), StringComparison.Ordinal);

        // The other business does not see it, cannot delete it, and may block the same number on its own list.
        Assert.Empty((await (await otherOwner.GetAsync("/api/admin/blocked-numbers", Ct)).JsonAsync(HttpStatusCode.OK)).AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await otherOwner.DeleteAsync($"/api/admin/blocked-numbers/{entry["id"]}", Ct)).StatusCode);
        (await otherOwner.PostAsJsonAsync("/api/admin/blocked-numbers", new { number = "+15550109999" }, Ct)).EnsureSuccessStatusCode();
        Assert.Single((await (await owner.GetAsync("/api/admin/blocked-numbers", Ct)).JsonAsync(HttpStatusCode.OK)).AsArray());

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/admin/blocked-numbers/{entry["id"]}", Ct)).StatusCode);
        Assert.Empty((await (await owner.GetAsync("/api/admin/blocked-numbers", Ct)).JsonAsync(HttpStatusCode.OK)).AsArray());
        Assert.Single((await (await otherOwner.GetAsync("/api/admin/blocked-numbers", Ct)).JsonAsync(HttpStatusCode.OK)).AsArray());
        Assert.Equal(HttpStatusCode.Unauthorized, (await fx.Anonymous().GetAsync("/api/admin/blocked-numbers", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_simulators_blocked_number_scenario_hears_the_message_and_nothing_is_stored_or_counted()
    {
        var (id, _, owner) = await BusinessAsync();
        (await owner.PostAsJsonAsync("/api/admin/blocked-numbers", new { number = "+15550100666", reason = "Robocall" }, Ct)).EnsureSuccessStatusCode();
        var simulator = fx.App.Services.GetRequiredService<LeadsAgent.Web.Voice.CallSimulator>();
        var scenario = LeadsAgent.Web.Voice.CallSimulator.Scenario(LeadsAgent.Web.Voice.CallSimulator.BlockedScenarioKey)!;
        Assert.Equal("Blocked number", scenario.Title);

        var callId = await simulator.RunAsync(id, scenario, Ct);
        var call = await simulator.GetAsync(id, callId!, Ct);
        Assert.NotNull(call);
        Assert.True(call.Ended);
        var turn = Assert.Single(call.Turns);
        Assert.Equal("This number can't reach Acme Plumbing. Goodbye.", turn.AgentSaid);
        Assert.Equal("hang up", turn.Action);
        Assert.Empty(call.Alerts);
        Assert.Equal(0L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM conversations WHERE business_id = '{id}'"));
        Assert.Equal(0, await fx.Database.ScalarAsync<int>($"SELECT blocked_calls FROM blocked_numbers WHERE business_id = '{id}'"));
    }
}
