using System.Xml.Linq;
using LeadsAgent.Domain.Engine;
using Twilio.TwiML;
using Twilio.TwiML.Voice;
using SdkHttpMethod = Twilio.Http.HttpMethod;
using SdkTwiML = Twilio.TwiML.TwiML;

namespace LeadsAgent.Infrastructure.Twilio;

public sealed record GatherOptions(
    string? Input = null,
    string? Action = null,
    string? Method = null,
    int? Timeout = null,
    string? SpeechTimeout = null,
    string? Language = null,
    string? Hints = null,
    bool? ActionOnEmptyResult = null,
    string? SpeechModel = null,
    bool? Enhanced = null,
    int? NumDigits = null,
    string? FinishOnKey = null);

/// <summary>A ConversationRelay session: where Twilio opens the WebSocket, and how it speaks and listens.</summary>
public sealed record RelayOptions(
    string Url,
    string Action,
    string? WelcomeGreeting,
    string? Language,
    string? TtsProvider,
    string? Voice,
    string? Hints,
    string Interruptible = "any",
    bool DtmfDetection = true);

public sealed record DialOptions(string? Action = null, string? Method = null, int? Timeout = null, string? CallerId = null, bool? AnswerOnBridge = null);

public sealed record RecordOptions(
    string? Action = null,
    string? Method = null,
    int? Timeout = null,
    string? FinishOnKey = null,
    int? MaxLength = null,
    bool? PlayBeep = null,
    string? Trim = null,
    string? RecordingStatusCallback = null,
    string? RecordingStatusCallbackMethod = null,
    string? RecordingStatusCallbackEvent = null);

/// <summary>
/// TwiML built with the Twilio SDK's <c>Twilio.TwiML.VoiceResponse</c> verbs. These helpers keep our callers'
/// short, option-record shape and translate plain strings into the SDK's string-enum and Uri parameters.
/// </summary>
public static class TwiML
{
    public static VoiceResponse Response(params SdkTwiML[] verbs)
    {
        var response = new VoiceResponse();
        foreach (var verb in verbs)
        {
            response.Append(verb);
        }

        return response;
    }

    // The SDK's string enums convert any string implicitly, but a null converts to an enum holding null, which the SDK
    // then writes as an attribute and XAttribute rejects: only convert values that are there.
    public static Say Say(string text, string? voice = null, string? language = null, int? loop = null) =>
        new(text, voice is null ? null : (Say.VoiceEnum)voice, loop, language is null ? null : (Say.LanguageEnum)language);

    /// <summary>A Say made of speech parts: plain text, or SSML children (break, emphasis) for voices that take them.</summary>
    public static Say Say(SpokenReply reply, string? voice, string? language)
    {
        if (!reply.UsesSsml)
        {
            return Say(reply.PlainText, voice, language);
        }

        var say = Say(string.Empty, voice, language);

        // The SDK drops an empty body once children are added, and the XML writer would then indent the SSML children,
        // putting whitespace into the spoken text. A leading empty text node makes this mixed content, which it leaves alone.
        say.AddText(string.Empty);
        foreach (var part in reply.Parts)
        {
            _ = part switch
            {
                SpeechText t => say.AddText(t.Text),
                SpeechBreak b => say.Break(time: $"{b.Milliseconds}ms"),
                SpeechEmphasis e => say.Emphasis(e.Text, SsmlEmphasis.LevelEnum.Strong),
                _ => throw new ArgumentOutOfRangeException(nameof(reply), part.GetType().Name),
            };
        }

        return say;
    }

    public static Gather Gather(GatherOptions o, params SdkTwiML[] children)
    {
        var gather = new Gather(
            input: o.Input?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(i => (Gather.InputEnum)i).ToList(),
            action: Url(o.Action),
            method: Method(o.Method),
            timeout: o.Timeout,
            speechTimeout: o.SpeechTimeout,
            finishOnKey: o.FinishOnKey,
            numDigits: o.NumDigits,
            language: o.Language is null ? null : (Gather.LanguageEnum)o.Language,
            hints: o.Hints,
            actionOnEmptyResult: o.ActionOnEmptyResult,
            speechModel: o.SpeechModel,
            enhanced: o.Enhanced);
        foreach (var child in children)
        {
            gather.Append(child);
        }

        return gather;
    }

    public static Pause Pause(int length) => new(length);

    public static Play Play(string url, int? loop = null, string? digits = null) => new(Url(url), loop, digits);

    public static Dial Dial(DialOptions o, params SdkTwiML[] nouns)
    {
        var dial = new Dial(action: Url(o.Action), method: Method(o.Method), timeout: o.Timeout, callerId: o.CallerId, answerOnBridge: o.AnswerOnBridge);
        foreach (var noun in nouns)
        {
            dial.Append(noun);
        }

        return dial;
    }

    public static Number Number(string number) => new(new global::Twilio.Types.PhoneNumber(number));

    /// <summary>A number whose answered leg first runs the TwiML at <paramref name="url"/> (a whisper) before it is bridged.</summary>
    public static Number Number(string number, string url, string? method = null) =>
        new(new global::Twilio.Types.PhoneNumber(number), url: Url(url), method: Method(method));

    public static Record Record(RecordOptions o) => new(
        action: Url(o.Action),
        method: Method(o.Method),
        timeout: o.Timeout,
        finishOnKey: o.FinishOnKey,
        maxLength: o.MaxLength,
        playBeep: o.PlayBeep,
        trim: o.Trim is null ? null : (Record.TrimEnum)o.Trim,
        recordingStatusCallback: Url(o.RecordingStatusCallback),
        recordingStatusCallbackMethod: Method(o.RecordingStatusCallbackMethod),
        recordingStatusCallbackEvent: o.RecordingStatusCallbackEvent?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(e => (Record.RecordingEventEnum)e).ToList());

    public static Redirect Redirect(string url, string? method = null) => new(Url(url), Method(method));

    public static Hangup Hangup() => new();

    /// <summary>
    /// Records the rest of the call, both sides, in the background (&lt;Start&gt;&lt;Recording&gt;); Twilio posts the finished
    /// recording to <paramref name="statusCallback"/>.
    /// </summary>
    public static Start StartRecording(string statusCallback) => new Start().Append(new Recording(
        recordingStatusCallback: statusCallback,
        recordingStatusCallbackMethod: (Recording.RecordingStatusCallbackMethodEnum)"POST",
        recordingStatusCallbackEvent: [(Recording.EventEnum)"completed"],
        track: (Recording.TrackEnum)"both",
        channels: (Recording.ChannelsEnum)"mono"));

    /// <summary>
    /// &lt;Connect action&gt;&lt;ConversationRelay&gt;: Twilio runs speech recognition and synthesis and exchanges text with
    /// the app over a WebSocket at <see cref="RelayOptions.Url"/>; when the session ends Twilio posts to the action URL.
    /// </summary>
    public static Connect ConversationRelay(RelayOptions o)
    {
        var connect = new Connect(action: Url(o.Action), method: Method("POST"));
        connect.ConversationRelay(
            url: o.Url,
            language: o.Language,
            transcriptionLanguage: o.Language,
            ttsProvider: o.TtsProvider,
            voice: o.Voice,
            dtmfDetection: o.DtmfDetection,
            welcomeGreeting: o.WelcomeGreeting,
            welcomeGreetingInterruptible: o.Interruptible,
            interruptible: o.Interruptible,
            hints: o.Hints);
        return connect;
    }

    /// <summary>The document as the SDK renders it: utf-8 declaration, two-space indentation.</summary>
    public static string Render(SdkTwiML root) => root.ToString(SaveOptions.None);

    /// <summary>One line without the declaration, for the Calls API's Twiml parameter (4000 characters at most).</summary>
    public static string RenderCompact(SdkTwiML root) => root.ToXDocument().Root!.ToString(SaveOptions.DisableFormatting);

    /// <summary>The document as XML, for reading back what a caller would hear (the call simulator).</summary>
    public static XElement ToXml(SdkTwiML root) => root.ToXDocument().Root!;

    // The SDK writes a Uri's OriginalString. Our webhook paths are relative, and on Unix a bare "/path" parsed as
    // RelativeOrAbsolute becomes a file:// URI, so ask for a relative one unless the string is absolute.
    static Uri? Url(string? url) => url is null ? null
        : Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute
        : new Uri(url, UriKind.Relative);

    static SdkHttpMethod? Method(string? method) => method is null ? null : new SdkHttpMethod(method);
}
