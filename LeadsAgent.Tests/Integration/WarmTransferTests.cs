using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using LeadsAgent.Tests.Support;

namespace LeadsAgent.Tests.Integration;

/// <summary>
/// Warm transfers through the signed webhooks, both legs as Twilio drives them: the caller's call dials the owner with a
/// whisper URL, the owner's leg hears the whisper and presses (or not) 1, and the dial result comes back on the caller's leg.
/// </summary>
public class WarmTransferTests(VoiceCallTests.Fixture fx) : IClassFixture<VoiceCallTests.Fixture>
{
    const string Token = VoiceCallTests.Token;
    const string PublicBase = VoiceCallTests.PublicBase;
    const string OwnerPhone = "+15550001111";

    static string NewNumber() => "+1555" + Random.Shared.Next(2000000, 9999999);

    async Task<(Guid Id, string Number, HttpClient Owner)> BusinessAsync(string? ownerPhone = OwnerPhone)
    {
        var number = NewNumber();
        var (id, owner, _) = await fx.CreateBusinessAsync("PRO", "PLUMBING", number);
        var saved = await owner.PutAsJsonAsync("/api/admin/business", new { name = "Acme Plumbing", twilioPhoneNumber = number, notificationEmail = "owner@acme.example", notificationPhoneNumber = ownerPhone, backupPhoneNumber = "+15550002222" },
            TestContext.Current.CancellationToken);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (id, number, owner);
    }

    TwilioCaller Caller(string to, string from = "+15557654321") => new(fx.Anonymous(), Token, PublicBase, from, to);

    /// <summary>A webhook on the owner's leg (a child call of the caller's), signed as Twilio signs it.</summary>
    async Task<XElement> OwnerLegAsync(TwilioCaller caller, string business, string pathAndQuery, Dictionary<string, string>? fields = null)
    {
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = "ACtest00000000000000000000000000",
            ["CallSid"] = "CAowner" + caller.CallSid[2..12],
            ["ParentCallSid"] = caller.CallSid,
            ["Direction"] = "outbound-dial",
            ["CallStatus"] = "in-progress",
            ["From"] = business,
            ["To"] = OwnerPhone,
        };
        foreach (var (k, v) in fields ?? [])
        {
            form[k] = v;
        }

        var response = await TwilioCaller.SendSignedAsync(fx.Anonymous(), Token, PublicBase, pathAndQuery, form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        return XElement.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    async Task<System.Text.Json.Nodes.JsonNode> LeadAsync(HttpClient owner)
    {
        var lead = (await (await owner.GetAsync("/api/admin/leads", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK)).AsArray().Single()!;
        return await (await owner.GetAsync($"/api/admin/leads/{lead["id"]}", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
    }

    /// <summary>Answers whatever the agent asks until it hangs up (at most a dozen turns).</summary>
    static async Task AnswerEverythingAsync(TwilioCaller caller)
    {
        for (var i = 0; i < 12 && !caller.HungUp; i++)
        {
            var asked = caller.LastSaid.ToLowerInvariant();
            await caller.SayAsync(
                asked.Contains("name", StringComparison.Ordinal) ? "bob smith"
                : asked.Contains("best number", StringComparison.Ordinal) ? "yes"
                : asked.Contains("number", StringComparison.Ordinal) ? "five five five two two two three three three three"
                : asked.Contains("address", StringComparison.Ordinal) && !asked.Contains("email", StringComparison.Ordinal) ? "42 elm street springfield"
                : asked.Contains("email", StringComparison.Ordinal) ? "bob at example dot com"
                : asked.Contains("when", StringComparison.Ordinal) ? "tomorrow morning"
                : asked.Contains("anything else", StringComparison.Ordinal) ? "no thanks bye"
                : "my kitchen sink is clogged");
        }
    }

    [Fact]
    public async Task A_whisper_transfer_the_owner_accepts_connects_the_caller_and_the_lead_shows_it()
    {
        var (businessId, number, owner) = await BusinessAsync();
        var caller = Caller(number);
        await caller.DialAsync();
        await caller.SayAsync("hi my kitchen sink is clogged and i need someone to fix it");
        Assert.Contains("name", caller.LastSaid, StringComparison.OrdinalIgnoreCase);
        await caller.SayAsync("maria lopez");
        await caller.SayAsync("can i talk to the owner please");

        // The caller hears the hold line, and Twilio dials the owner's alert phone from the business's number.
        Assert.Contains("Please hold", caller.LastSaid, StringComparison.Ordinal);
        var dial = caller.Dial;
        Assert.NotNull(dial);
        Assert.Equal(number, dial.Attribute("callerId")!.Value);
        Assert.Equal("20", dial.Attribute("timeout")!.Value);
        Assert.Equal("/api/voice/transfer-result", dial.Attribute("action")!.Value);
        var ownerNumber = Assert.Single(dial.Elements("Number"));
        Assert.Equal(OwnerPhone, ownerNumber.Value);
        var whisperUrl = ownerNumber.Attribute("url")!.Value;
        Assert.Equal($"/api/voice/whisper?call={caller.CallSid}", whisperUrl);

        // The owner picks up and hears who is calling and why, then presses 1.
        var whisper = await OwnerLegAsync(caller, number, whisperUrl);
        var gather = whisper.Element("Gather")!;
        Assert.Equal("1", gather.Attribute("numDigits")!.Value);
        Assert.Equal("dtmf", gather.Attribute("input")!.Value);
        var said = gather.Element("Say")!.Value;
        Assert.StartsWith("Call from Acme Plumbing's receptionist: Maria Lopez, ", said, StringComparison.Ordinal);
        Assert.Contains("kitchen sink is clogged", said, StringComparison.Ordinal);
        Assert.EndsWith("Press 1 to accept, or hang up to send them back.", said, StringComparison.Ordinal);
        Assert.True(said.Split(' ').Length <= 50, said);
        Assert.NotNull(whisper.Element("Hangup"));

        var accept = await OwnerLegAsync(caller, number, gather.Attribute("action")!.Value, new() { ["Digits"] = "1" });
        Assert.Equal("Response", accept.Name.LocalName);
        Assert.Empty(accept.Elements());

        // They talk; when the owner hangs up the dial ends completed, the caller's call ends as transferred.
        await caller.PostAsync("/api/voice/transfer-result", new() { ["DialCallStatus"] = "completed", ["DialCallSid"] = "CAowner", ["DialCallDuration"] = "95" });
        Assert.True(caller.HungUp);
        await caller.PostAsync("/api/voice/transfer-result", new() { ["DialCallStatus"] = "completed", ["DialCallSid"] = "CAowner", ["DialCallDuration"] = "95" });
        Assert.True(caller.HungUp);
        await caller.StatusAsync("completed", 140);

        Assert.Equal("TRANSFERRED", await fx.Database.ScalarAsync<string>($"SELECT status FROM conversations WHERE session_id = '{caller.CallSid}' AND business_id = '{businessId}'"));
        var lead = await LeadAsync(owner);
        Assert.Equal("Maria Lopez", lead["lead"]!["contactName"]!.GetValue<string>());
        var transfer = Assert.Single(lead["transfers"]!.AsArray())!;
        Assert.Equal("CONNECTED", transfer["outcome"]!.GetValue<string>());
        Assert.True(DateTimeOffset.UtcNow - transfer["at"]!.GetValue<DateTimeOffset>() < TimeSpan.FromMinutes(2));
    }

    [Theory]
    [InlineData("2")]
    [InlineData(null)]
    public async Task A_declined_whisper_brings_the_caller_back_to_the_agent_who_takes_a_voicemail_and_the_lead_records_it(string? digit)
    {
        var (_, number, owner) = await BusinessAsync();
        var caller = Caller(number, "+15553216549");
        await caller.DialAsync();
        await caller.SayAsync("can i speak to a real person");
        var whisperUrl = caller.Dial!.Element("Number")!.Attribute("url")!.Value;

        // No name yet: the whisper reads the caller's number.
        var whisper = await OwnerLegAsync(caller, number, whisperUrl);
        Assert.Contains("Call from Acme Plumbing's receptionist: a caller at 5 5 5, 3 2 1, 6 5 4 9.", whisper.Element("Gather")!.Element("Say")!.Value, StringComparison.Ordinal);
        if (digit is not null)
        {
            var declined = await OwnerLegAsync(caller, number, whisper.Element("Gather")!.Attribute("action")!.Value, new() { ["Digits"] = digit });
            Assert.NotNull(declined.Element("Hangup"));
        }
        else
        {
            // No key: Twilio goes past the Gather and the owner hears that the caller goes back.
            Assert.Contains("No key was pressed", whisper.Elements("Say").Single().Value, StringComparison.Ordinal);
        }

        // The owner's leg ended without a 1: the caller is back with the agent, never left in silence.
        await caller.PostAsync("/api/voice/transfer-result", new() { ["DialCallStatus"] = "completed", ["DialCallSid"] = "CAowner" });
        Assert.NotNull(caller.Gather);
        Assert.Contains("no one at Acme Plumbing could take your call right now", caller.LastSaid, StringComparison.Ordinal);
        Assert.Contains("voicemail", caller.LastSaid, StringComparison.Ordinal);
        Assert.Contains("call you back", caller.LastSaid, StringComparison.Ordinal);

        // A late whisper for the same call finds nothing waiting.
        var late = await OwnerLegAsync(caller, number, whisperUrl);
        Assert.Contains("no longer waiting", late.Element("Say")!.Value, StringComparison.Ordinal);

        await caller.SayAsync("i'll leave a message");
        Assert.NotNull(caller.Record);
        await caller.PostAsync("/api/voice/recording", new() { ["RecordingUrl"] = "https://api.twilio.com/recordings/RE9", ["RecordingStatus"] = "completed" }, expectTwiml: false);
        await caller.StatusAsync("completed", 60);

        var lead = await LeadAsync(owner);
        Assert.Equal("+15553216549", lead["lead"]!["contactPhone"]!.GetValue<string>());
        Assert.Equal("https://api.twilio.com/recordings/RE9", lead["recordingUrl"]!.GetValue<string>());
        Assert.Equal("DECLINED", Assert.Single(lead["transfers"]!.AsArray())!["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_owner_who_does_not_pick_up_leaves_the_caller_with_the_agent_who_takes_a_call_back_and_asking_again_does_not_ring_twice()
    {
        var (_, number, owner) = await BusinessAsync();
        var caller = Caller(number, "+15552229999");
        await caller.DialAsync();
        await caller.SayAsync("let me talk to a person");
        Assert.NotNull(caller.Dial);

        await caller.PostAsync("/api/voice/transfer-result", new() { ["DialCallStatus"] = "no-answer" });
        Assert.Contains("Which would you prefer?", caller.LastSaid, StringComparison.Ordinal);
        // Twilio retried the callback: the same offer, the attempt recorded once.
        await caller.PostAsync("/api/voice/transfer-result", new() { ["DialCallStatus"] = "no-answer" });
        Assert.Contains("Which would you prefer?", caller.LastSaid, StringComparison.Ordinal);

        await caller.SayAsync("can they call me back");
        Assert.StartsWith("Of course, I'll make sure they call you back.", caller.LastSaid, StringComparison.Ordinal);
        Assert.Contains("name", caller.LastSaid, StringComparison.OrdinalIgnoreCase);
        await caller.SayAsync("bob smith");

        // Asking for a person again does not ring the owner a second time.
        await caller.SayAsync("i want to speak to a real person");
        Assert.Null(caller.Dial);
        Assert.NotNull(caller.Gather);
        Assert.Contains("can come to the phone right now", caller.LastSaid, StringComparison.Ordinal);

        await AnswerEverythingAsync(caller);
        Assert.True(caller.HungUp);
        var lead = await LeadAsync(owner);
        Assert.Equal("Bob Smith", lead["lead"]!["contactName"]!.GetValue<string>());
        Assert.Equal("NO_ANSWER", Assert.Single(lead["transfers"]!.AsArray())!["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_caller_who_hangs_up_while_talking_to_the_owner_still_ends_transferred_with_the_attempt_on_the_lead()
    {
        var (businessId, number, owner) = await BusinessAsync();
        var caller = Caller(number, "+15554443333");
        await caller.DialAsync();
        await caller.SayAsync("connect me to the owner");
        var whisper = await OwnerLegAsync(caller, number, caller.Dial!.Element("Number")!.Attribute("url")!.Value);
        await OwnerLegAsync(caller, number, whisper.Element("Gather")!.Attribute("action")!.Value, new() { ["Digits"] = "1" });

        // Twilio's status callback for the caller's call can arrive before the dial result.
        await caller.StatusAsync("completed", 200);
        await caller.PostAsync("/api/voice/transfer-result", new() { ["DialCallStatus"] = "completed" });
        Assert.True(caller.HungUp);

        Assert.Equal("TRANSFERRED", await fx.Database.ScalarAsync<string>($"SELECT status FROM conversations WHERE session_id = '{caller.CallSid}' AND business_id = '{businessId}'"));
        var lead = await LeadAsync(owner);
        Assert.Equal("+15554443333", lead["lead"]!["contactPhone"]!.GetValue<string>());
        Assert.Equal("CONNECTED", Assert.Single(lead["transfers"]!.AsArray())!["outcome"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_caller_who_hangs_up_while_the_owners_phone_rings_is_on_the_lead_as_gone_before_put_through(bool ownerPickedUp)
    {
        var (businessId, number, owner) = await BusinessAsync();
        var caller = Caller(number, "+15554443334");
        await caller.DialAsync();
        await caller.SayAsync("connect me to the owner");
        Assert.Contains("Please hold", caller.LastSaid, StringComparison.Ordinal);
        if (ownerPickedUp)
        {
            // The owner is still hearing the whisper when the caller gives up.
            await OwnerLegAsync(caller, number, caller.Dial!.Element("Number")!.Attribute("url")!.Value);
        }

        // The caller's status callback first, then Twilio ends the dial on the owner's side.
        await caller.StatusAsync("completed", 40);
        await caller.PostAsync("/api/voice/transfer-result", new() { ["DialCallStatus"] = ownerPickedUp ? "completed" : "no-answer" });
        Assert.True(caller.HungUp);

        Assert.Equal("ABANDONED", await fx.Database.ScalarAsync<string>($"SELECT status FROM conversations WHERE session_id = '{caller.CallSid}' AND business_id = '{businessId}'"));
        var lead = await LeadAsync(owner);
        Assert.Equal("+15554443334", lead["lead"]!["contactPhone"]!.GetValue<string>());
        Assert.Equal("CALLER_HUNG_UP", Assert.Single(lead["transfers"]!.AsArray())!["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_an_alert_phone_the_agent_says_nobody_can_come_to_the_phone_and_takes_a_message()
    {
        var (_, number, _) = await BusinessAsync(ownerPhone: null);
        var caller = Caller(number);
        await caller.DialAsync();
        await caller.SayAsync("can i talk to a person please");
        Assert.Null(caller.Dial);
        Assert.NotNull(caller.Record);
        Assert.Contains("no one can take the call right now", string.Join(" ", caller.Heard), StringComparison.Ordinal);
        Assert.DoesNotContain(caller.Heard, h => h.Contains("Please hold", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unsigned_or_forged_whisper_webhooks_are_refused()
    {
        var (_, number, _) = await BusinessAsync();
        var caller = Caller(number);
        await caller.DialAsync();
        await caller.SayAsync("let me talk to a person");
        var whisperUrl = caller.Dial!.Element("Number")!.Attribute("url")!.Value;
        var form = new Dictionary<string, string> { ["CallSid"] = "CAowner1", ["ParentCallSid"] = caller.CallSid, ["From"] = number, ["To"] = OwnerPhone };

        var unsigned = await fx.Anonymous().PostAsync(whisperUrl, new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        var answer = await fx.Anonymous().PostAsync($"/api/voice/whisper-answer?call={caller.CallSid}", new FormUrlEncodedContent(new Dictionary<string, string>(form) { ["Digits"] = "1" }),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var tampered = await TwilioCaller.SendSignedAsync(fx.Anonymous(), Token, PublicBase, whisperUrl, form, s => s[..^2] + (s[^2] == 'A' ? 'B' : 'A') + s[^1]);
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        // Signed for another call than the one in the URL: refused with a hang-up, nothing accepted.
        var otherCall = await TwilioCaller.SendSignedAsync(fx.Anonymous(), Token, PublicBase, $"/api/voice/whisper-answer?call={caller.CallSid}",
            new Dictionary<string, string>(form) { ["ParentCallSid"] = "CAsomeoneelse", ["Digits"] = "1" });
        var hangup = XElement.Parse(await otherCall.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.NotNull(hangup.Element("Hangup"));

        await caller.PostAsync("/api/voice/transfer-result", new() { ["DialCallStatus"] = "completed" });
        Assert.NotNull(caller.Gather);
        Assert.Contains("could take your call", caller.LastSaid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dial_result_for_a_call_we_do_not_know_still_gets_words_and_a_safe_next_step()
    {
        var (_, number, _) = await BusinessAsync();
        var stranger = Caller(number);
        await stranger.PostAsync("/api/voice/transfer-result", new() { ["DialCallStatus"] = "no-answer" });
        Assert.True(stranger.HungUp);
        Assert.Contains("call 911", stranger.LastSaid, StringComparison.Ordinal);
    }
}
