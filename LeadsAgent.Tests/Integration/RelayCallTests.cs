using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Web;
using Microsoft.AspNetCore.Http;
using LeadsAgent.Infrastructure.Notifications;
using LeadsAgent.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsAgent.Tests.Integration;

/// <summary>
/// Streaming calls through Twilio ConversationRelay: the incoming webhook's &lt;Connect&gt;&lt;ConversationRelay&gt;, then a
/// relay client on a real loopback WebSocket playing Twilio (signed upgrade, setup, prompts, keypad, interruptions),
/// the action URL after the session ends, and a second instance taking over a call whose socket died.
/// </summary>
public class RelayCallTests(RelayCallTests.Fixture fx) : IClassFixture<RelayCallTests.Fixture>
{
    const string Token = VoiceCallTests.Token;
    const string PublicBase = VoiceCallTests.PublicBase;
    const string RelayUrl = "wss://voice.example.test/api/voice/relay";
    const string OwnerPhone = "+15550001111";

    public sealed class Fixture : PlatformFixture
    {
        public FakeHttpServer Twilio { get; private set; } = null!;
        public ConcurrentQueue<Dictionary<string, string>> PlacedCalls { get; } = new();
        public AppFactory Second { get; private set; } = null!;

        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = "ACtest00000000000000000000000000",
            ["Twilio:AuthToken"] = Token,
            ["Twilio:WebhookBaseUrl"] = PublicBase,
            ["Twilio:ApiBaseUrl"] = Twilio.BaseUrl,
            ["Notifications:PollSeconds"] = "3600",
        };

        protected override void ConfigureApp(AppFactory app)
        {
            app.UseKestrel(0);
            app.StartServer();
        }

        public Uri First => Address(App);

        public Uri SecondAddress => Address(Second);

        static Uri Address(AppFactory app) => new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        public override async ValueTask InitializeAsync()
        {
            Twilio = await FakeHttpServer.StartAsync(async (req, ctx) =>
            {
                ctx.Response.StatusCode = 201;
                if (!req.PathAndQuery.EndsWith("/Messages.json", StringComparison.Ordinal))
                {
                    var form = HttpUtility.ParseQueryString(req.Body);
                    PlacedCalls.Enqueue(form.AllKeys.ToDictionary(k => k!, k => form[k]!));
                }

                await ctx.Response.WriteAsJsonAsync(new { sid = "CA" + Guid.NewGuid().ToString("N"), status = "queued" });
            });
            await base.InitializeAsync();
            Second = new AppFactory(Database, App.Settings);
            Second.UseKestrel(0);
            Second.StartServer();
        }

        public override async ValueTask DisposeAsync()
        {
            await Second.DisposeAsync();
            await base.DisposeAsync();
            await Twilio.DisposeAsync();
        }
    }

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<(Guid Id, string Number, HttpClient Owner)> RelayBusinessAsync(string plan = "PRO")
    {
        var number = "+1555" + Random.Shared.Next(2000000, 9999999);
        var (id, owner, _) = await fx.CreateBusinessAsync(plan, "PLUMBING", number);
        await (await owner.PutAsJsonAsync("/api/admin/business", new { name = "Acme Plumbing", twilioPhoneNumber = number, notificationEmail = "owner@acme.example", notificationPhoneNumber = OwnerPhone }, Ct))
            .JsonAsync(HttpStatusCode.OK);
        if (plan == "PRO")
        {
            var config = await (await owner.PutAsJsonAsync("/api/admin/config", new { voiceMode = "RELAY" }, Ct)).JsonAsync(HttpStatusCode.OK);
            Assert.Equal("RELAY", config["voiceMode"]!.GetValue<string>());
        }

        return (id, number, owner);
    }

    TwilioCaller Caller(string to) => new(fx.Anonymous(), Token, PublicBase, "+15557654321", to);

    /// <summary>The incoming call answered with the relay, and a relay client connected and set up for it.</summary>
    async Task<(TwilioCaller Caller, RelayClient Relay)> CallAsync(string number, Uri? instance = null)
    {
        var caller = Caller(number);
        await caller.DialAsync();
        var relay = caller.Relay;
        Assert.NotNull(relay);
        Assert.Equal(RelayUrl, relay.Attribute("url")!.Value);
        var client = await RelayClient.ConnectAsync(instance ?? fx.First, RelayUrl, Token);
        await client.SetupAsync(caller.CallSid, "+15557654321", number);
        return (caller, client);
    }

    async Task<JsonArray> TranscriptAsync(HttpClient owner, string callSid) =>
        (await (await owner.GetAsync($"/api/admin/sessions/{callSid}", Ct)).JsonAsync(HttpStatusCode.OK))["transcript"]!.AsArray();

    [Fact]
    public async Task A_relay_business_answers_with_ConversationRelay_and_a_basic_business_cannot_switch_to_it()
    {
        var (_, number, _) = await RelayBusinessAsync();
        var caller = Caller(number);
        await caller.DialAsync();
        var connect = caller.Twiml!.Root!.Element("Connect")!;
        Assert.Equal("/api/voice/relay-action", connect.Attribute("action")!.Value);
        var relay = caller.Relay!;
        Assert.Equal("en-US", relay.Attribute("language")!.Value);
        Assert.Equal("en-US", relay.Attribute("transcriptionLanguage")!.Value);
        Assert.Equal("any", relay.Attribute("interruptible")!.Value);
        Assert.Equal("true", relay.Attribute("dtmfDetection")!.Value);
        Assert.Contains("How can I help", relay.Attribute("welcomeGreeting")!.Value, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("gas leak", relay.Attribute("hints")!.Value, StringComparison.Ordinal);
        Assert.Null(caller.Gather);

        var (_, basicNumber, basicOwner) = await RelayBusinessAsync("BASIC");
        var refused = await basicOwner.PutAsJsonAsync("/api/admin/config", new { voiceMode = "RELAY" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var basic = Caller(basicNumber);
        await basic.DialAsync();
        Assert.Null(basic.Relay);
    }

    [Fact]
    public async Task An_unsigned_or_tampered_relay_upgrade_is_refused()
    {
        Assert.Equal(HttpStatusCode.BadRequest, await RelayClient.RefusedAsync(fx.First, RelayUrl, Token, sign: false));
        Assert.Equal(HttpStatusCode.Forbidden, await RelayClient.RefusedAsync(fx.First, RelayUrl, Token, tamper: s => "A" + s[1..]));
        // Signed for another address (an https URL, not the wss:// one the TwiML gave Twilio).
        Assert.Equal(HttpStatusCode.Forbidden, await RelayClient.RefusedAsync(fx.First, RelayUrl, Token, tamper: _ =>
            Infrastructure.Twilio.TwilioSignature.Compute(Token, "https://voice.example.test/api/voice/relay", [])));
    }

    [Fact]
    public async Task A_whole_emergency_call_over_the_relay_ends_with_an_urgent_lead_and_an_owner_alert()
    {
        var (_, number, owner) = await RelayBusinessAsync();
        var (caller, relay) = await CallAsync(number);
        await using var _ = relay;

        var reply = await relay.SayAsync("help my basement is flooding theres water everywhere");
        Assert.Contains("emergency", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("name", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.True(reply.Tokens > 1, "the reply goes out clause by clause");
        Assert.Contains("Is 5 5 5, 7 6 5, 4 3 2 1 the best number", (await relay.SayAsync("jane doe")).Text, StringComparison.Ordinal);
        Assert.Contains("address", (await relay.SayAsync("yes")).Text, StringComparison.OrdinalIgnoreCase);
        var last = await relay.SayAsync("12 oak street springfield");
        Assert.NotNull(last.Handoff);
        Assert.Equal("hangup", last.Handoff["reasonCode"]!.GetValue<string>());

        // Twilio posts the handoff to the action URL: the goodbye is said, then the call hangs up.
        await caller.PostAsync("/api/voice/relay-action", new() { ["HandoffData"] = last.Handoff.ToJsonString(), ["SessionStatus"] = "ended", ["CallStatus"] = "in-progress" });
        Assert.True(caller.HungUp);
        Assert.Contains("call you back", caller.LastSaid, StringComparison.Ordinal);

        var lead = (await (await owner.GetAsync("/api/admin/leads", Ct)).JsonAsync(HttpStatusCode.OK)).AsArray().Single()!;
        Assert.Equal("URGENT", lead["priority"]!.GetValue<string>());
        Assert.Equal("Jane Doe", lead["contactName"]!.GetValue<string>());
        Assert.Equal("+15557654321", lead["contactPhone"]!.GetValue<string>());

        fx.PlacedCalls.Clear();
        await fx.App.Services.GetRequiredService<OutboxWorker>().RunOnceAsync(Ct);
        Assert.Contains(fx.PlacedCalls, c => c["To"] == OwnerPhone);
    }

    [Fact]
    public async Task An_interruption_keeps_only_what_the_caller_heard_in_the_transcript()
    {
        var (_, number, owner) = await RelayBusinessAsync();
        var (caller, relay) = await CallAsync(number);
        await using var _ = relay;

        var reply = await relay.SayAsync("hi i need a quote to replace my water heater");
        Assert.Contains("name", reply.Text, StringComparison.OrdinalIgnoreCase);
        var heard = reply.Text[..(reply.Text.Length / 3)].TrimEnd();
        await relay.InterruptAsync(heard, 900);
        // The caller never heard the name question: "hang on" is not taken as their name, and the question is asked again.
        var next = await relay.SayAsync("hang on the line is bad");
        Assert.EndsWith("May I have your name, please?", next.Text.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("best number", (await relay.SayAsync("jane doe")).Text, StringComparison.Ordinal);

        var transcript = await TranscriptAsync(owner, caller.CallSid);
        var agentLines = transcript.Where(m => m!["role"]!.GetValue<string>() == "assistant").Select(m => m!["content"]!.GetValue<string>()).ToList();
        Assert.Contains(heard + " …", agentLines);
        Assert.DoesNotContain(reply.Text, agentLines);
    }

    [Fact]
    public async Task Keypad_digits_are_heard_as_one_answer()
    {
        var (_, number, owner) = await RelayBusinessAsync();
        var (caller, relay) = await CallAsync(number);
        await using var _ = relay;

        await relay.SayAsync("hi i need a quote to replace my water heater");
        await relay.SayAsync("jane doe");
        var confirm = await relay.SayAsync("no");
        Assert.Contains("number", confirm.Text, StringComparison.OrdinalIgnoreCase);
        foreach (var digit in "5551234567#")
        {
            await relay.DtmfAsync(digit);
        }

        var reply = await relay.ReplyAsync();
        Assert.NotEmpty(reply.Text);
        var transcript = await TranscriptAsync(owner, caller.CallSid);
        Assert.Contains(transcript, m => m!["role"]!.GetValue<string>() == "user" && m["content"]!.GetValue<string>() == "5551234567");
    }

    [Fact]
    public async Task Asking_for_the_owner_ends_the_relay_and_the_action_url_dials_the_owner()
    {
        var (_, number, _) = await RelayBusinessAsync();
        var (caller, relay) = await CallAsync(number);
        await using var _ = relay;

        await relay.SayAsync("hi my kitchen sink is clogged and i need someone to fix it");
        await relay.SayAsync("maria lopez");
        var handoff = (await relay.SayAsync("can i talk to the owner please")).Handoff;
        Assert.NotNull(handoff);
        Assert.Equal("transfer", handoff["reasonCode"]!.GetValue<string>());

        await caller.PostAsync("/api/voice/relay-action", new() { ["HandoffData"] = handoff.ToJsonString(), ["SessionStatus"] = "ended", ["CallStatus"] = "in-progress" });
        Assert.Contains("Please hold", caller.LastSaid, StringComparison.Ordinal);
        var dial = caller.Dial;
        Assert.NotNull(dial);
        Assert.Equal(OwnerPhone, Assert.Single(dial.Elements("Number")).Value);
        Assert.Equal(number, dial.Attribute("callerId")!.Value);
    }

    [Fact]
    public async Task A_relay_that_reconnects_to_another_instance_resumes_the_call()
    {
        var (_, number, owner) = await RelayBusinessAsync();
        var (caller, relay) = await CallAsync(number, fx.First);
        Assert.Contains("name", (await relay.SayAsync("hi i need a quote to replace my water heater")).Text, StringComparison.OrdinalIgnoreCase);
        relay.Abort();
        await relay.DisposeAsync();

        // The first instance's socket is gone; Twilio reconnects, the load balancer picks the second instance.
        await using var second = await RelayClient.ConnectAsync(fx.SecondAddress, RelayUrl, Token);
        await second.SetupAsync(caller.CallSid, "+15557654321", number);
        var reply = await second.SayAsync("jane doe");
        Assert.Contains("Is 5 5 5, 7 6 5, 4 3 2 1 the best number", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(second.Received, m => m["type"]!.GetValue<string>() == "text" && m["token"]!.GetValue<string>().Contains("lost track", StringComparison.OrdinalIgnoreCase));

        var transcript = await TranscriptAsync(owner, caller.CallSid);
        Assert.Contains(transcript, m => m!["content"]!.GetValue<string>() == "jane doe");
        Assert.Contains(transcript, m => m!["content"]!.GetValue<string>().Contains("water heater", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_call_simulator_plays_a_streaming_call_piece_by_piece_and_the_owner_can_talk_over_the_agent()
    {
        var (id, _, _) = await RelayBusinessAsync();
        var simulator = fx.App.Services.GetRequiredService<Web.Voice.CallSimulator>();
        Assert.True(await simulator.StreamsAsync(id, Ct));
        var callId = (await simulator.StartAsync(id, null, Ct))!;

        var pieces = new List<string>();
        Assert.True(await simulator.SayAsync(id, callId, "hi i need a quote to replace my water heater", Ct, piece => { pieces.Add(piece); return Task.CompletedTask; }));
        var turn = (await simulator.GetAsync(id, callId, Ct))!.Turns[^1];
        Assert.True(pieces.Count > 1, "the reply was shown in one piece");
        Assert.True(turn.Streamed);
        Assert.Equal(string.Concat(pieces).Trim(), turn.AgentSaid);
        Assert.Contains("name", turn.AgentSaid, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"type\":\"text\"", turn.Twiml, StringComparison.Ordinal);
        Assert.EndsWith("\"last\":true}", turn.Twiml, StringComparison.Ordinal);

        // The owner talks over the agent after its first words: the rest is not said, and the transcript keeps what was.
        using var interrupt = new CancellationTokenSource();
        var heard = new List<string>();
        Assert.True(await simulator.SayAsync(id, callId, "jane doe", Ct, piece =>
        {
            heard.Add(piece);
            interrupt.Cancel();
            return Task.CompletedTask;
        }, interrupt.Token));
        turn = (await simulator.GetAsync(id, callId, Ct))!.Turns[^1];
        Assert.Equal(Web.Voice.CallSimulator.InterruptedAction, turn.Action);
        Assert.Equal(heard.Single().Trim() + " …", turn.AgentSaid);
        Assert.DoesNotContain("best number", turn.AgentSaid, StringComparison.Ordinal);
        var session = await fx.App.Services.GetRequiredService<Infrastructure.Sessions.ISessionStore>().GetAsync(callId, Ct);
        Assert.Equal(turn.AgentSaid, session!.History.Last(m => m.Role == "assistant").Content);
    }
}
