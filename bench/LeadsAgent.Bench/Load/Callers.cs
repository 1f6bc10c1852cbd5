using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LeadsAgent.Infrastructure.Twilio;

namespace LeadsAgent.Bench.Load;

/// <summary>What one request did: which kind, how long it took, its status (0 for a broken connection).</summary>
/// <summary>One request: what the harness waited, and what the app says it spent (its Server-Timing header).</summary>
public readonly record struct Sample(string Kind, double Ms, int Status, double? ServerMs = null);

/// <summary>Collects samples from many tasks; cheap enough not to disturb what it measures.</summary>
public sealed class Recorder
{
    readonly System.Collections.Concurrent.ConcurrentQueue<Sample> _samples = new();

    public void Add(string kind, double ms, int status, HttpResponseMessage? response = null) =>
        _samples.Enqueue(new Sample(kind, ms, status, response is null ? null : ServerMs(response)));

    /// <summary>"app;dur=1.23" from the app's Server-Timing header.</summary>
    static double? ServerMs(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Server-Timing", out var values)
        && values.FirstOrDefault() is { } value && value.IndexOf("dur=", StringComparison.Ordinal) is var at and >= 0
        && double.TryParse(value.AsSpan(at + 4), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var ms)
            ? ms : null;

    public List<Sample> Drain()
    {
        var all = new List<Sample>(_samples.Count);
        while (_samples.TryDequeue(out var s))
        {
            all.Add(s);
        }

        return all;
    }
}

/// <summary>
/// A caller on the phone: Twilio's webhooks for one whole call, signed as Twilio signs them, answering whatever the
/// agent asks (name, number, address, email, when) the way a person would, until the agent hangs up or hands over.
/// </summary>
public sealed partial class VoiceCall(HttpClient http, Recorder recorder, Func<CancellationToken, ValueTask> pace, string token, string publicBase,
    string from, string to)
{
    public string CallSid { get; } = "CA" + Guid.NewGuid().ToString("N");
    public int Turns { get; private set; }
    public bool Completed { get; private set; }
    public string LastSaid { get; private set; } = "";
    string _twiml = "";

    public static readonly string[] Openings =
    [
        "help my basement is flooding theres water everywhere",
        "hi i'd like a quote to replace my old water heater",
        "how much do you charge for drain cleaning",
        "my kitchen sink is clogged and won't drain",
        "i smell gas in the kitchen",
        "do you install water softeners",
    ];

    /// <summary>Rings, talks until the agent is done (at most <paramref name="maxTurns"/> turns), then hangs up (the status callback).</summary>
    public async Task RunAsync(string opening, int maxTurns, CancellationToken ct, IReadOnlyList<string>? scripted = null)
    {
        if (!await PostAsync("voice-incoming", "/api/voice/incoming", new() { ["CallStatus"] = "ringing" }, ct))
        {
            return;
        }

        var next = opening;
        for (var turn = 0; turn < maxTurns && next is not null; turn++)
        {
            if (!await PostAsync("voice-turn", "/api/voice/gather", new() { ["SpeechResult"] = next, ["Confidence"] = "0.92", ["CallStatus"] = "in-progress" }, ct))
            {
                return;
            }

            Turns++;
            if (!_twiml.Contains("<Gather", StringComparison.Ordinal))
            {
                break;
            }

            next = scripted is not null && turn + 1 < scripted.Count ? scripted[turn + 1] : Answer(LastSaid);
        }

        Completed = await PostAsync("voice-status", "/api/voice/status", new() { ["CallStatus"] = "completed", ["CallDuration"] = (20 + Turns * 9).ToString(System.Globalization.CultureInfo.InvariantCulture) }, ct);
    }

    /// <summary>A person's answer to what the agent just said.</summary>
    public static string? Answer(string said)
    {
        var s = said.ToLowerInvariant();
        return s switch
        {
            _ when s.Contains("goodbye", StringComparison.Ordinal) => null,
            _ when s.Contains("best number", StringComparison.Ordinal) || s.Contains("right number", StringComparison.Ordinal) => "yes",
            _ when s.Contains("name", StringComparison.Ordinal) => "jane doe",
            _ when s.Contains("email", StringComparison.Ordinal) => "jane at example dot com",
            _ when s.Contains("address", StringComparison.Ordinal) || s.Contains("where", StringComparison.Ordinal) => "12 oak street springfield",
            _ when s.Contains("number", StringComparison.Ordinal) || s.Contains("phone", StringComparison.Ordinal) => "five five five two two two three three three three",
            _ when s.Contains("when", StringComparison.Ordinal) || s.Contains("time", StringComparison.Ordinal) => "tomorrow morning",
            _ when s.Contains("anything else", StringComparison.Ordinal) => "no that's all thanks",
            _ => "can someone call me back about it",
        };
    }

    async Task<bool> PostAsync(string kind, string path, Dictionary<string, string> fields, CancellationToken ct)
    {
        fields["AccountSid"] = "ACload000000000000000000000000000";
        fields["CallSid"] = CallSid;
        fields["From"] = from;
        fields["To"] = to;
        fields["Direction"] = "inbound";
        var signature = TwilioSignature.Compute(token, publicBase + path, fields.Select(kv => new KeyValuePair<string, IReadOnlyList<string>>(kv.Key, [kv.Value])));
        await pace(ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Twilio-Signature", signature);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            recorder.Add(kind, Stopwatch.GetElapsedTime(started).TotalMilliseconds, (int)response.StatusCode, response);
            _twiml = body;
            LastSaid = string.Join(" ", SayText().Matches(body).Select(m => m.Groups[1].Value));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            recorder.Add(kind, Stopwatch.GetElapsedTime(started).TotalMilliseconds, 0);
            return false;
        }
    }

    [GeneratedRegex("<Say[^>]*>(.*?)</Say>", RegexOptions.Singleline)]
    private static partial Regex SayText();
}

/// <summary>A website visitor: the chat API, answering the agent's questions until the lead is captured.</summary>
public sealed class ChatVisitor(HttpClient http, Recorder recorder, Func<CancellationToken, ValueTask> pace, Guid businessId)
{
    public string? SessionId { get; private set; }
    public bool LeadCaptured { get; private set; }

    public static readonly string[] Openings =
    [
        "hi, my water heater is leaking, can someone come look at it?",
        "I need a quote for replacing two bathroom faucets",
        "what are your opening hours?",
        "there's water coming through my ceiling right now",
    ];

    public async Task RunAsync(string opening, int maxMessages, CancellationToken ct)
    {
        var next = opening;
        for (var i = 0; i < maxMessages && next is not null && !LeadCaptured; i++)
        {
            await pace(ct);
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.PostAsJsonAsync("/api/chat", new { businessId, sessionId = SessionId, message = next }, ct);
                recorder.Add("chat", Stopwatch.GetElapsedTime(started).TotalMilliseconds, (int)response.StatusCode, response);
                if (!response.IsSuccessStatusCode)
                {
                    return;
                }

                var reply = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
                SessionId = reply!["sessionId"]!.GetValue<string>();
                LeadCaptured = reply["leadCaptured"]!.GetValue<bool>();
                next = Answer(reply["reply"]!.GetValue<string>());
            }
            catch (HttpRequestException)
            {
                recorder.Add("chat", Stopwatch.GetElapsedTime(started).TotalMilliseconds, 0);
                return;
            }
        }
    }

    public static string? Answer(string said)
    {
        var s = said.ToLowerInvariant();
        return s switch
        {
            _ when s.Contains("name", StringComparison.Ordinal) => "Pat Visitor",
            _ when s.Contains("email", StringComparison.Ordinal) => "pat@example.com",
            _ when s.Contains("address", StringComparison.Ordinal) => "77 Birch Road, Springfield",
            _ when s.Contains("number", StringComparison.Ordinal) || s.Contains("phone", StringComparison.Ordinal) => "555 404 1212",
            _ when s.Contains("when", StringComparison.Ordinal) => "Saturday morning",
            _ => "Please have someone call me back",
        };
    }
}
