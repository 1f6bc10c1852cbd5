using System.Globalization;
using System.Xml.Linq;
using LeadsAgent.Domain.Engine;

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
/// TwiML written with System.Xml.Linq exactly as twilio-csharp writes it: declaration with lowercase utf-8, two-space
/// indentation, empty elements as start/end tag pairs, attributes in each verb's fixed order, booleans in lower case.
/// </summary>
public static class TwiML
{
    public static XElement Response(params XElement[] verbs) => Element("Response", verbs);

    public static XElement Say(string text, string? voice = null, string? language = null, int? loop = null) =>
        Attrs(new XElement("Say", text), ("voice", voice), ("loop", loop), ("language", language));

    /// <summary>A Say made of speech parts: plain text, or SSML children (break, emphasis) for voices that take them.</summary>
    public static XElement Say(SpokenReply reply, string? voice, string? language)
    {
        var say = Attrs(new XElement("Say"), ("voice", voice), ("language", language));
        if (!reply.UsesSsml)
        {
            say.Add(reply.PlainText);
            return say;
        }

        // Starting with a text node keeps the serializer from indenting the children of this mixed content.
        say.Add(new XText(string.Empty));
        foreach (var part in reply.Parts)
        {
            say.Add(part switch
            {
                SpeechText t => new XText(t.Text),
                SpeechBreak b => new XElement("break", new XAttribute("time", b.Milliseconds.ToString(CultureInfo.InvariantCulture) + "ms"), string.Empty),
                SpeechEmphasis e => new XElement("emphasis", new XAttribute("level", "strong"), e.Text),
                _ => throw new ArgumentOutOfRangeException(nameof(reply), part.GetType().Name),
            });
        }

        return say;
    }

    public static XElement Gather(GatherOptions o, params XElement[] children) => Attrs(Element("Gather", children),
        ("input", o.Input), ("action", o.Action), ("method", o.Method), ("timeout", o.Timeout), ("speechTimeout", o.SpeechTimeout),
        ("finishOnKey", o.FinishOnKey), ("numDigits", o.NumDigits), ("language", o.Language), ("hints", o.Hints),
        ("actionOnEmptyResult", o.ActionOnEmptyResult), ("speechModel", o.SpeechModel), ("enhanced", o.Enhanced));

    public static XElement Pause(int length) => Attrs(Element("Pause"), ("length", length));

    public static XElement Play(string url, int? loop = null, string? digits = null) => Attrs(new XElement("Play", url), ("loop", loop), ("digits", digits));

    public static XElement Dial(DialOptions o, params XElement[] nouns) => Attrs(Element("Dial", nouns),
        ("action", o.Action), ("method", o.Method), ("timeout", o.Timeout), ("callerId", o.CallerId), ("answerOnBridge", o.AnswerOnBridge));

    public static XElement Number(string number) => new("Number", number);

    public static XElement Record(RecordOptions o) => Attrs(Element("Record"),
        ("action", o.Action), ("method", o.Method), ("timeout", o.Timeout), ("finishOnKey", o.FinishOnKey), ("maxLength", o.MaxLength),
        ("playBeep", o.PlayBeep), ("trim", o.Trim), ("recordingStatusCallback", o.RecordingStatusCallback),
        ("recordingStatusCallbackMethod", o.RecordingStatusCallbackMethod), ("recordingStatusCallbackEvent", o.RecordingStatusCallbackEvent));

    public static XElement Redirect(string url, string? method = null) => Attrs(new XElement("Redirect", url), ("method", method));

    public static XElement Hangup() => Element("Hangup");

    /// <summary>The document as twilio-csharp's ToString() renders it.</summary>
    public static string Render(XElement root) => "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + root.ToString().ReplaceLineEndings("\n");

    /// <summary>One line, for the Calls API's Twiml parameter (4000 characters at most).</summary>
    public static string RenderCompact(XElement root) => root.ToString(SaveOptions.DisableFormatting);

    static XElement Element(string name, XElement[]? children = null) =>
        children is { Length: > 0 } ? new XElement(name, children) : new XElement(name, string.Empty);

    static XElement Attrs(XElement element, params (string Name, object? Value)[] attributes)
    {
        foreach (var (name, value) in attributes)
        {
            if (value is not null)
            {
                element.Add(new XAttribute(name, value switch
                {
                    bool b => b ? "true" : "false",
                    int i => i.ToString(CultureInfo.InvariantCulture),
                    _ => value.ToString()!,
                }));
            }
        }

        // Attributes first, then content, as XElement serialises them; an element with neither stays <X></X>.
        if (!element.Nodes().Any())
        {
            element.Add(string.Empty);
        }

        return element;
    }
}
