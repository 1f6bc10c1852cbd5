using System.Text;
using System.Text.Json;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Infrastructure.Ai;

namespace LeadsAgent.Tests.Unit;

/// <summary>
/// The streamed reply: the model's JSON read while it arrives (checked against System.Text.Json at every split point),
/// and its words said as they come, with prices and phone numbers said whole, two sentences on a call, and an end when
/// the caller interrupts or the model stalls.
/// </summary>
public class StreamedReplyTests
{
    static readonly string[] Turns =
    [
        FakeTurn("The visit is $95, and \"parts\" are extra.\nCall 555-0100 or café \u00e9t\u00e9 \ud83d\ude00 \\ done."),
        FakeTurn(null),
        """{"reply":"Reply first, then the rest.","intents":[{"intent":"faq","confidence":0.8}],"entities":[],"priority":"HIGH","reasons":["r"]}""",
        """{ "intents" : [ {"intent":"other","confidence":0.5} ] , "entities":[{"kind":"name","value":"reply"}], "priority" : "LOW", "reasons":["says \"reply\": no"] , "reply" : "Spaced out \u0041." }""",
    ];

    static string FakeTurn(string? reply) => JsonSerializer.Serialize(new
    {
        intents = new[] { new { intent = "pricing", confidence = 0.9 } },
        entities = Array.Empty<object>(),
        priority = "NORMAL",
        reasons = new[] { "asks a price" },
        reply,
    });

    static (ModelTurn? Decision, string Reply, bool KnownBeforeReply) Read(string json, IEnumerable<string> chunks)
    {
        var reader = new StreamingTurnReader();
        var reply = new StringBuilder();
        var knownBeforeReply = false;
        foreach (var chunk in chunks)
        {
            reader.Append(chunk);
            var piece = reader.TakeReply();
            knownBeforeReply |= reader.DecisionKnown && reply.Length == 0 && piece.Length == 0 && reader.ReplyFollows;
            reply.Append(piece);
        }

        reader.Complete();
        reply.Append(reader.TakeReply());
        return (reader.Decision, reply.ToString(), knownBeforeReply);
    }

    [Fact]
    public void The_reader_gives_the_same_decision_and_reply_as_System_Text_Json_wherever_the_stream_is_cut()
    {
        foreach (var json in Turns)
        {
            using var doc = JsonDocument.Parse(json);
            var expectedReply = doc.RootElement.GetProperty("reply").ValueKind == JsonValueKind.String ? doc.RootElement.GetProperty("reply").GetString()! : "";
            var expected = OpenAILanguageModel.Parse(json)!;
            var splits = Enumerable.Range(0, json.Length + 1).Select(i => new[] { json[..i], json[i..] })
                .Append(json.Select(c => c.ToString()).ToArray());
            foreach (var chunks in splits)
            {
                var (decision, reply, _) = Read(json, chunks);
                Assert.Equal(expectedReply, reply);
                Assert.NotNull(decision);
                Assert.Equal(expected.Priority, decision.Priority);
                Assert.Equal(expected.Intents, decision.Intents);
                Assert.Equal(expected.Entities, decision.Entities);
                Assert.Null(decision.Reply);
            }
        }
    }

    [Fact]
    public void The_decision_is_known_before_the_first_word_of_a_reply_written_last()
    {
        var json = Turns[0];
        Assert.True(Read(json, json.Select(c => c.ToString())).KnownBeforeReply);
        // A reply written first cannot be spoken early: it is read whole at the end.
        Assert.False(Read(Turns[2], Turns[2].Select(c => c.ToString())).KnownBeforeReply);
        Assert.Null(Read("{\"intents\":", ["{\"intents\":"]).Decision);
    }

    sealed class Sink(int stopAfter = int.MaxValue) : IReplySink
    {
        readonly CancellationTokenSource _stopped = new();

        public List<string> Said { get; } = [];

        public List<string> Log { get; } = [];

        public CancellationToken Stopped => _stopped.Token;

        public Task SayAsync(string text, CancellationToken ct)
        {
            Said.Add(text);
            Log.Add("say " + text);
            if (Said.Count >= stopAfter)
            {
                _stopped.Cancel();
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>Pieces of a reply as a model writes them; logs each read; <c>stallAfter</c> pieces, it never writes again.</summary>
    static async IAsyncEnumerable<string> Model(IEnumerable<string> pieces, List<string> log, int stallAfter = int.MaxValue)
    {
        var n = 0;
        foreach (var piece in pieces)
        {
            if (n++ == stallAfter)
            {
                await Task.Delay(Timeout.Infinite, TestContext.Current.CancellationToken);
            }

            log.Add("read " + piece);
            await Task.Yield();
            yield return piece;
        }
    }

    static async Task<(string Said, Sink Sink)> SpeakAsync(string[] pieces, int stopAfter = int.MaxValue, int stallAfter = int.MaxValue, int sentences = 2)
    {
        var sink = new Sink(stopAfter);
        // Not disposed: a compiler-made iterator refuses that while a read is pending (the stalled one); the OpenAI
        // model's own reader cancels its stream instead.
        var reply = Model(pieces, sink.Log, stallAfter).GetAsyncEnumerator();
        var said = await StreamedReply.SpeakAsync(reply, sink, "en", sentences, TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);
        return (said, sink);
    }

    [Fact]
    public async Task Words_are_said_as_they_arrive_but_a_price_or_phone_number_waits_to_be_whole()
    {
        var (said, sink) = await SpeakAsync(["We", " charge", " $1", ",450", " installed", " or", " call", " +1555", "1234567", " today."]);

        Assert.Equal("We charge $1,450 installed or call +15551234567 today.", said);
        // Exactly what the whole reply would have been made to say.
        Assert.Equal(ReplyShaper.Speakable(said), string.Concat(sink.Said));
        Assert.Contains("1450 dollars installed or call 5 5 5, 1 2 3, 4 5 6 7 today.", string.Concat(sink.Said), StringComparison.Ordinal);
        // "We" is said before " charge" is read; "$1" waits for ",450".
        Assert.True(sink.Log.IndexOf("say We") < sink.Log.IndexOf("read  charge"), string.Join(" | ", sink.Log));
        Assert.DoesNotContain(sink.Said, s => s.Contains("$", StringComparison.Ordinal) || s.TrimEnd().EndsWith('1'));
    }

    [Fact]
    public async Task A_call_says_two_sentences_and_stops_reading()
    {
        var (said, sink) = await SpeakAsync(["We open at 8 a.m.", " on weekdays.", " Saturdays too!", " Sundays", " we rest."]);

        Assert.Equal("We open at 8 a.m. on weekdays. Saturdays too!", said);
        Assert.DoesNotContain(sink.Log, l => l.Contains("we rest", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_interruption_or_a_stalled_model_ends_the_reply_with_what_was_said()
    {
        var (interrupted, sink) = await SpeakAsync(["One", " two", " three", " four."], stopAfter: 2);
        Assert.Equal("One two", interrupted);
        Assert.Equal(2, sink.Said.Count);

        var (stalled, _) = await SpeakAsync(["Hello", " there", " friend."], stallAfter: 2);
        Assert.Equal("Hello there", stalled);
    }
}
