using System.Xml.Linq;
using LeadsAgent.Infrastructure.Twilio;

namespace LeadsAgent.Tests.Support;

/// <summary>
/// Plays a Twilio caller: posts the webhooks Twilio would post (signed like Twilio), parses the TwiML it gets back,
/// follows its action URLs, and checks that every response uses only the verbs and attributes of the reference.
/// </summary>
public sealed class TwilioCaller(HttpClient http, string authToken, string publicBaseUrl, string from, string to)
{
    static readonly Dictionary<string, string[]> s_allowed = new()
    {
        ["Response"] = [],
        ["Say"] = ["voice", "loop", "language"],
        ["break"] = ["strength", "time"],
        ["emphasis"] = ["level"],
        ["prosody"] = ["volume", "rate", "pitch"],
        ["say-as"] = ["interpret-as", "format"],
        ["Gather"] = ["input", "action", "method", "timeout", "speechTimeout", "maxSpeechTime", "profanityFilter", "finishOnKey", "numDigits",
            "partialResultCallback", "partialResultCallbackMethod", "language", "hints", "bargeIn", "debug", "actionOnEmptyResult", "speechModel", "enhanced"],
        ["Pause"] = ["length"],
        ["Play"] = ["loop", "digits"],
        ["Dial"] = ["action", "method", "timeout", "hangupOnStar", "timeLimit", "callerId", "record", "trim", "recordingStatusCallback",
            "recordingConfigurationId", "recordingStatusCallbackMethod", "recordingStatusCallbackEvent", "answerOnBridge", "ringTone", "recordingTrack", "sequential"],
        ["Number"] = ["sendDigits", "url", "method", "statusCallbackEvent", "statusCallback", "statusCallbackMethod", "byoc", "machineDetection",
            "machineDetectionTimeout", "amdStatusCallback", "amdStatusCallbackMethod"],
        ["Record"] = ["action", "method", "timeout", "finishOnKey", "maxLength", "playBeep", "trim", "recordingStatusCallback", "recordingStatusCallbackMethod",
            "recordingStatusCallbackEvent", "transcribe", "transcribeCallback", "recordingConfigurationId"],
        ["Redirect"] = ["method"],
        ["Hangup"] = [],
        // Streaming calls (<Connect><ConversationRelay>, Twilio SDK 8.2).
        ["Connect"] = ["action", "method"],
        ["ConversationRelay"] = ["url", "language", "ttsLanguage", "transcriptionLanguage", "ttsProvider", "voice", "transcriptionProvider", "speechModel",
            "profanityFilter", "dtmfDetection", "welcomeGreeting", "partialPrompts", "welcomeGreetingInterruptible", "interruptible", "preemptible", "hints"],
        // Whole-call recording (<Start><Recording>, Twilio SDK 8.2).
        ["Start"] = ["action", "method"],
        ["Recording"] = ["recordingStatusCallback", "recordingStatusCallbackMethod", "recordingStatusCallbackEvent", "trim", "track", "channels", "recordingConfigurationId"],
    };

    public string CallSid { get; } = "CA" + Guid.NewGuid().ToString("N");
    public XDocument? Twiml { get; private set; }
    public List<string> Heard { get; } = [];

    /// <summary>Every &lt;Say&gt; and &lt;Gather&gt; of the call so far, to check the voice and language they ask for.</summary>
    public List<XElement> Said { get; } = [];
    public List<XElement> Gathers { get; } = [];
    public string LastSaid => Heard.LastOrDefault() ?? "";
    public int Sequence { get; private set; }

    public XElement? Gather => Twiml?.Root?.Element("Gather");
    public XElement? Dial => Twiml?.Root?.Element("Dial");
    public XElement? Record => Twiml?.Root?.Element("Record");
    public XElement? Relay => Twiml?.Root?.Element("Connect")?.Element("ConversationRelay");
    public bool HungUp => Twiml?.Root?.Element("Hangup") is not null && Gather is null;

    public Task DialAsync() => PostAsync("/api/voice/incoming", new() { ["CallStatus"] = "ringing" });

    /// <summary>Speaks into the current Gather (what Twilio's speech recognition would post).</summary>
    public Task SayAsync(string speech) => PostAsync(Gather?.Attribute("action")?.Value ?? "/api/voice/gather",
        new() { ["CallStatus"] = "in-progress", ["SpeechResult"] = speech, ["Confidence"] = "0.91" });

    /// <summary>Says nothing: with actionOnEmptyResult Twilio posts the action without a SpeechResult.</summary>
    public Task SilenceAsync() => PostAsync(Gather?.Attribute("action")?.Value ?? "/api/voice/gather", new() { ["CallStatus"] = "in-progress" });

    public Task StatusAsync(string status, int duration = 42) =>
        PostAsync("/api/voice/status", new() { ["CallStatus"] = status, ["CallDuration"] = duration.ToString(System.Globalization.CultureInfo.InvariantCulture), ["SequenceNumber"] = (Sequence++).ToString(System.Globalization.CultureInfo.InvariantCulture) }, expectTwiml: false);

    public async Task<HttpResponseMessage> PostAsync(string pathAndQuery, Dictionary<string, string> fields, bool expectTwiml = true)
    {
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = "ACtest00000000000000000000000000",
            ["ApiVersion"] = "2010-04-01",
            ["CallSid"] = CallSid,
            ["Direction"] = "inbound",
            ["From"] = from,
            ["To"] = to,
        };
        foreach (var (k, v) in fields)
        {
            form[k] = v;
        }

        var response = await SendSignedAsync(http, authToken, publicBaseUrl, pathAndQuery, form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{pathAndQuery} answered {(int)response.StatusCode}: {body}");
        if (expectTwiml)
        {
            Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
            Twiml = XDocument.Parse(body);
            CheckVocabulary(Twiml.Root!);
            Heard.AddRange(Twiml.Descendants("Say").Select(s => s.Value));
            Said.AddRange(Twiml.Descendants("Say"));
            Gathers.AddRange(Twiml.Descendants("Gather"));
        }

        return response;
    }

    /// <summary>A signed form post, as Twilio sends it; the signature covers the public URL and every field.</summary>
    public static Task<HttpResponseMessage> SendSignedAsync(HttpClient http, string authToken, string publicBaseUrl, string pathAndQuery,
        Dictionary<string, string> form, Func<string, string>? tamper = null)
    {
        var signature = TwilioSignature.Compute(authToken, publicBaseUrl + pathAndQuery, form.Select(kv => new KeyValuePair<string, IReadOnlyList<string>>(kv.Key, [kv.Value])));
        var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", tamper is null ? signature : tamper(signature));
        return http.SendAsync(request);
    }

    static void CheckVocabulary(XElement element)
    {
        Assert.True(s_allowed.TryGetValue(element.Name.LocalName, out var attributes), $"TwiML uses <{element.Name}>, which is not in the reference");
        foreach (var attribute in element.Attributes())
        {
            Assert.Contains(attribute.Name.LocalName, attributes);
        }

        foreach (var child in element.Elements())
        {
            CheckVocabulary(child);
        }
    }
}
