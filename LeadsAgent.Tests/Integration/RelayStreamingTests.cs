using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadsAgent.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsAgent.Tests.Integration;

/// <summary>
/// Streaming replies on ConversationRelay with a language model that takes its time (a fake OpenAI server streaming
/// server-sent events: first token after 300 ms, then 30 tokens a second; the real OpenAI SDK reads it): the model's
/// words reach the caller while the model is still writing, an interruption stops the model and keeps only what was
/// heard, and in an emergency the safety script goes out before the model has said anything.
/// </summary>
public class RelayStreamingTests(RelayStreamingTests.Fixture fx) : IClassFixture<RelayStreamingTests.Fixture>
{
    const string Token = VoiceCallTests.Token;
    const string RelayUrl = "wss://voice.example.test/api/voice/relay";

    /// <summary>The model's answer about call-outs: three sentences, of which a call says two.</summary>
    const string CallOutReply = "Our call-out visit is $95 and that covers the first half hour of work on site. "
        + "After that we charge by the quarter hour at the rates on our price list. Parts are always quoted before we start.";

    public sealed class Fixture : PlatformFixture
    {
        public FakeHttpServer OpenAI { get; private set; } = null!;

        public FakeStreamingModel Model { get; } = new(body =>
        {
            var said = FakeStreamingModel.LastUserMessage(body);
            return said.Contains("call-out", StringComparison.OrdinalIgnoreCase) || said.Contains("call out", StringComparison.OrdinalIgnoreCase)
                ? FakeStreamingModel.Turn("NORMAL", "pricing", CallOutReply)
                : said.Contains("gas", StringComparison.OrdinalIgnoreCase)
                    ? FakeStreamingModel.Turn("URGENT", "emergency", "Please do that right away, your safety comes first.")
                    : FakeStreamingModel.Turn("NORMAL", "other", null);
        });

        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = "ACtest00000000000000000000000000",
            ["Twilio:AuthToken"] = Token,
            ["Twilio:WebhookBaseUrl"] = VoiceCallTests.PublicBase,
            ["OpenAI:ApiKey"] = "sk-test",
            ["OpenAI:Model"] = "gpt-test",
            ["OpenAI:BaseUrl"] = OpenAI.BaseUrl + "/v1",
            ["OpenAI:VoiceTimeoutMs"] = "4000",
            ["Notifications:PollSeconds"] = "3600",
        };

        protected override void ConfigureApp(AppFactory app)
        {
            app.UseKestrel(0);
            app.StartServer();
        }

        public Uri Address => new(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        public override async ValueTask InitializeAsync()
        {
            OpenAI = await FakeHttpServer.StartAsync((req, ctx) => Model.HandleAsync(req.Body, ctx));
            await base.InitializeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await OpenAI.DisposeAsync();
        }
    }

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<(HttpClient Owner, TwilioCaller Caller, RelayClient Relay)> CallAsync()
    {
        var number = "+1555" + Random.Shared.Next(2000000, 9999999);
        var (_, owner, _) = await fx.CreateBusinessAsync("PRO", "PLUMBING", number);
        await (await owner.PutAsJsonAsync("/api/admin/config", new { voiceMode = "RELAY" }, Ct)).JsonAsync(HttpStatusCode.OK);
        await (await owner.PostAsJsonAsync("/api/admin/knowledge", new { title = "Call-out fee", content = "Our call-out fee is $95, which covers the first half hour on site." }, Ct))
            .JsonAsync(HttpStatusCode.Created);
        var caller = new TwilioCaller(fx.Anonymous(), Token, VoiceCallTests.PublicBase, "+15557654321", number);
        await caller.DialAsync();
        var relay = await RelayClient.ConnectAsync(fx.Address, RelayUrl, Token);
        await relay.SetupAsync(caller.CallSid, "+15557654321", number);
        return (owner, caller, relay);
    }

    static List<string> AgentLines(JsonArray transcript) =>
        transcript.Where(m => m!["role"]!.GetValue<string>() == "assistant").Select(m => m!["content"]!.GetValue<string>()).ToList();

    async Task<List<string>> AgentLinesAsync(HttpClient owner, string callSid) =>
        AgentLines((await (await owner.GetAsync($"/api/admin/sessions/{callSid}", Ct)).JsonAsync(HttpStatusCode.OK))["transcript"]!.AsArray());

    [Fact]
    public async Task The_models_words_reach_the_caller_while_the_model_is_still_writing_and_a_call_says_two_sentences()
    {
        var (owner, caller, relay) = await CallAsync();
        await using var _ = relay;

        var reply = await relay.SayAsync("how much is a call-out?");

        // Word by word, as the model writes them: the reply's tokens arrive spread over the model's own pace (about
        // 35 words at 30 a second), not all at once after it finished.
        var texts = relay.Received.Select((m, i) => (Message: m, At: relay.ReceivedAt[i])).Where(x => x.Message["type"]!.GetValue<string>() == "text").ToList();
        Assert.True(texts.Count >= 20, $"{texts.Count} text tokens: the reply was not streamed");
        var firstWord = texts.First(x => x.Message["token"]!.GetValue<string>().Contains("call-out", StringComparison.Ordinal));
        var spread = Stopwatch.GetElapsedTime(firstWord.At, texts[^1].At);
        Assert.True(spread > TimeSpan.FromMilliseconds(400), $"the model's words arrived within {spread.TotalMilliseconds:0} ms of each other");

        // Read aloud as a whole reply is: the price in words, two sentences, then the offer of an estimate.
        Assert.Contains("Our call-out visit is 95 dollars and that covers the first half hour", reply.Text, StringComparison.Ordinal);
        Assert.Contains("by the quarter hour", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Parts are always quoted", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\uE000", reply.Text, StringComparison.Ordinal);
        Assert.EndsWith("?", reply.Text.TrimEnd(), StringComparison.Ordinal);

        // The transcript has what was said, the model's words in place.
        var said = AgentLines((await (await owner.GetAsync($"/api/admin/sessions/{caller.CallSid}", Ct)).JsonAsync(HttpStatusCode.OK))["transcript"]!.AsArray()).Last();
        Assert.Contains("Our call-out visit is 95 dollars", said, StringComparison.Ordinal);
        Assert.DoesNotContain("Parts are always quoted", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interruption_mid_reply_stops_the_model_and_the_transcript_keeps_only_what_was_heard()
    {
        var (owner, caller, relay) = await CallAsync();
        await using var _ = relay;
        var abandoned = fx.Model.Abandoned;

        await relay.PromptAsync("how much is a call out?");
        var heard = "";
        while (!heard.Contains("covers", StringComparison.Ordinal))
        {
            var message = await relay.ReceiveAsync();
            Assert.Equal("text", message["type"]!.GetValue<string>());
            heard += message["token"]!.GetValue<string>();
        }

        // The caller talks over the agent: nothing more of that reply is sent, and the model's stream is closed.
        await relay.InterruptAsync(heard, 1200);
        var next = await relay.SayAsync("sorry what was that");
        Assert.DoesNotContain("quarter hour", next.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(relay.Received, m => m["token"]?.GetValue<string>().Contains("quarter hour", StringComparison.Ordinal) == true);
        Assert.True(fx.Model.Abandoned > abandoned, "the model's stream was read to the end after the interruption");

        var lines = await AgentLinesAsync(owner, caller.CallSid);
        Assert.Contains(heard.Trim() + " …", lines);
        Assert.DoesNotContain(lines, l => l.Contains("quarter hour", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_an_emergency_the_safety_script_goes_out_before_the_model_has_said_anything_and_the_lead_is_urgent()
    {
        var (owner, _, relay) = await CallAsync();
        await using var _ = relay;

        // A first turn warms the app (a test's fresh process compiles each path on first use).
        await relay.SayAsync("hello there");
        var sent = Stopwatch.GetTimestamp();
        await relay.PromptAsync("i can smell gas in my kitchen");
        var first = await relay.ReceiveAsync();
        var firstAfter = Stopwatch.GetElapsedTime(sent);
        var reply = await relay.ReplyAsync();

        // The model's first token comes after 300 ms; the safety script does not wait for it.
        Assert.True(firstAfter < TimeSpan.FromMilliseconds(300), $"the first words took {firstAfter.TotalMilliseconds:0} ms");
        Assert.StartsWith("If you smell gas, leave the building now.", first["token"]!.GetValue<string>() + reply.Text, StringComparison.Ordinal);
        Assert.Contains("your safety comes first. May I have your name", reply.Text, StringComparison.Ordinal);

        Assert.Contains("address", (await relay.SayAsync("jane doe")).Text + (await relay.SayAsync("yes")).Text, StringComparison.OrdinalIgnoreCase);
        await relay.SayAsync("12 oak street springfield");
        var lead = (await (await owner.GetAsync("/api/admin/leads", Ct)).JsonAsync(HttpStatusCode.OK)).AsArray().Single()!;
        Assert.Equal("URGENT", lead["priority"]!.GetValue<string>());
        Assert.Equal("Jane Doe", lead["contactName"]!.GetValue<string>());
    }
}
