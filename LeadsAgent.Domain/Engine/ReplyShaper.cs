using System.Text;
using System.Text.RegularExpressions;

namespace LeadsAgent.Domain.Engine;

/// <summary>A piece of speech: text, a pause, emphasis, or digits read one by one. The TwiML writer renders these.</summary>
public abstract record SpeechPart;

public sealed record SpeechText(string Text) : SpeechPart;

public sealed record SpeechBreak(int Milliseconds) : SpeechPart;

public sealed record SpeechEmphasis(string Text) : SpeechPart;

/// <summary>What the caller hears: the plain text, and the parts (with SSML elements only where the voice supports them).</summary>
public sealed record SpokenReply(string PlainText, IReadOnlyList<SpeechPart> Parts, bool UsesSsml);

/// <summary>The parts of a reply before shaping: a safety script (never shortened), an acknowledgement, a body and the next prompt.</summary>
public sealed record ReplyParts(string? Safety, string? Acknowledgement, string? Body, string? Prompt)
{
    public static ReplyParts Empty { get; } = new(null, null, null, null);
}

/// <summary>Shapes replies per channel: plain text for chat, short spoken text for voice, SSML only for Polly and Google voices.</summary>
public static partial class ReplyShaper
{
    /// <summary>Chat: plain text, no markup of any kind.</summary>
    public static string ForChat(ReplyParts parts) =>
        Clean(string.Join(" ", new[] { parts.Safety, parts.Acknowledgement, parts.Body, parts.Prompt }.Where(p => !string.IsNullOrWhiteSpace(p))));

    /// <summary>Removes tags (an SSML fragment from a model must never reach a chat window) and tidies spacing.</summary>
    public static string Clean(string text) => Spaces().Replace(Tags().Replace(text, " "), " ").Trim();

    /// <summary>Voice: the body cut to two sentences, numbers read naturally, pauses and emphasis for SSML voices.</summary>
    public static SpokenReply ForVoice(ReplyParts parts, string voice, bool urgent, string language = AgentPhrases.DefaultLanguage)
    {
        var ssml = SupportsSsml(voice);
        var emphasis = ssml && SupportsEmphasis(voice);
        var spoken = new List<SpeechPart>();
        var plain = new StringBuilder();

        void Add(string? text, bool emphasise = false)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return;
            }

            var speakable = Speakable(Clean(text), language);
            if (plain.Length > 0)
            {
                plain.Append(' ');
                if (ssml)
                {
                    spoken.Add(new SpeechBreak(300));
                }
            }

            plain.Append(speakable);
            spoken.Add(emphasise && emphasis ? new SpeechEmphasis(speakable) : new SpeechText(speakable));
        }

        Add(parts.Safety, emphasise: urgent);
        Add(parts.Acknowledgement);
        Add(FirstSentences(parts.Body, 2));
        Add(parts.Prompt);
        if (!ssml)
        {
            spoken = [new SpeechText(plain.ToString())];
        }

        return new SpokenReply(plain.ToString(), spoken, ssml);
    }

    /// <summary>Polly and Google voices take SSML children in &lt;Say&gt;; the basic voices read tags aloud.</summary>
    public static bool SupportsSsml(string voice) =>
        voice.StartsWith("Polly.", StringComparison.Ordinal) || voice.StartsWith("Google.", StringComparison.Ordinal);

    // <emphasis> works on Polly standard voices only (not neural or generative), per the reference.
    static bool SupportsEmphasis(string voice) =>
        voice.StartsWith("Polly.", StringComparison.Ordinal) && !voice.EndsWith("-Neural", StringComparison.Ordinal) && !voice.EndsWith("-Generative", StringComparison.Ordinal);

    /// <summary>A piece of a reply being streamed, made speakable like a whole one; its spaces at either end are kept.</summary>
    public static string SpeakablePiece(string piece, string language = AgentPhrases.DefaultLanguage) =>
        Speakable(Tags().Replace(piece, " "), language);

    public static string? FirstSentences(string? text, int count)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return text;
        }

        var sentences = SentenceSplit().Split(text.Trim()).Where(s => s.Length > 0).ToList();
        return string.Join(" ", sentences.Take(count));
    }

    /// <summary>"+15551234567" is read "5 5 5, 1 2 3, 4 5 6 7"; "$250" is "250 dollars" ("250 dólares" in Spanish).</summary>
    public static string Speakable(string text, string language = AgentPhrases.DefaultLanguage)
    {
        var s = E164().Replace(text, m => ReadPhone(m.Value));
        s = Dollars().Replace(s, m =>
        {
            var amount = ("amount", m.Groups[1].Value.Replace(",", "", StringComparison.Ordinal));
            // "$99.05" is "99 dollars and 5 cents" ("05" reads as "oh five"), and "$5.00" just "5 dollars".
            var cents = m.Groups[2].Success ? m.Groups[2].Value.TrimStart('0') : "";
            return cents.Length > 0
                ? AgentPhrases.Say(AgentPhrase.SpokenDollarsAndCents, language, amount, ("cents", cents))
                : AgentPhrases.Say(AgentPhrase.SpokenDollars, language, amount);
        });
        return s.Replace("&", " " + AgentPhrases.Say(AgentPhrase.SpokenAnd, language) + " ", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal);
    }

    /// <summary>Reads a phone number in the groups people use: "5 5 5, 1 2 3, 4 5 6 7".</summary>
    public static string ReadPhone(string e164)
    {
        var digits = new string(e164.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 11 && digits[0] == '1')
        {
            digits = digits[1..];
        }

        var groups = digits.Length == 10 ? new[] { digits[..3], digits[3..6], digits[6..] } : digits.Chunk(3).Select(c => new string(c)).ToArray();
        return string.Join(", ", groups.Select(g => string.Join(' ', g.ToCharArray())));
    }

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    // "8 a.m. to 5 p.m." is one sentence: a time's "a.m." does not end it.
    [GeneratedRegex(@"(?<=[.!?])(?<!\b[ap]\.m\.)\s+")]
    private static partial Regex SentenceSplit();

    [GeneratedRegex(@"\+\d{10,15}\b")]
    private static partial Regex E164();

    [GeneratedRegex(@"\$(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{2}))?")]
    private static partial Regex Dollars();
}
