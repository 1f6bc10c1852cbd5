using System.Text;

namespace LeadsAgent.Domain.Texts;

/// <summary>How a text message travels: GSM-7 (7-bit, 160 per single message) or UCS-2 (16-bit, 70).</summary>
public enum SmsEncoding
{
    GSM7,
    UCS2,
}

/// <summary>What a text costs: its encoding, its length in the encoding's units and the segments it is billed as.</summary>
public sealed record SmsLength(SmsEncoding Encoding, int Units, int Segments);

/// <summary>
/// Text message length rules as carriers and Twilio apply them (3GPP TS 23.038; Twilio's "How long can a message be?"):
/// a body made only of GSM-7 characters is sent in 7-bit units, 160 in one message or 153 per segment of a longer one,
/// the extension table's characters (€ [ ] { } | ~ ^ \ and form feed) taking two units; one character outside the
/// alphabet turns the whole body into UCS-2, 70 units in one message or 67 per segment, where a character outside the
/// Basic Multilingual Plane (most emoji) takes two. Twilio accepts bodies of at most 1,600 characters.
/// </summary>
public static class SmsText
{
    /// <summary>The longest body Twilio's Messages API accepts.</summary>
    public const int MaxBody = 1600;

    // The GSM 03.38 basic character set (the 128 positions), as Unicode.
    const string Basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    // The extension table: sent as ESC + character, two units each.
    const string Extension = "\f^{}\\[~]|€";

    static readonly HashSet<char> s_basic = [.. Basic];
    static readonly HashSet<char> s_extension = [.. Extension];

    public static bool IsGsm7(char c) => s_basic.Contains(c) || s_extension.Contains(c);

    public static SmsEncoding EncodingOf(string body) => body.All(IsGsm7) ? SmsEncoding.GSM7 : SmsEncoding.UCS2;

    /// <summary>The encoding, units and segments of a body. An escape pair or a surrogate pair is never cut between segments.</summary>
    public static SmsLength Measure(string body)
    {
        var encoding = EncodingOf(body);
        var costs = Costs(body, encoding).ToList();
        var units = costs.Sum();
        var (single, multi) = encoding == SmsEncoding.GSM7 ? (160, 153) : (70, 67);
        if (units <= single)
        {
            return new SmsLength(encoding, units, units == 0 ? 0 : 1);
        }

        var segments = 1;
        var used = 0;
        foreach (var cost in costs)
        {
            if (used + cost > multi)
            {
                segments++;
                used = 0;
            }

            used += cost;
        }

        return new SmsLength(encoding, units, segments);
    }

    /// <summary>Each character's (or surrogate pair's) cost in units; a pair is one entry of two.</summary>
    static IEnumerable<int> Costs(string body, SmsEncoding encoding)
    {
        for (var i = 0; i < body.Length; i++)
        {
            if (encoding == SmsEncoding.GSM7)
            {
                yield return s_extension.Contains(body[i]) ? 2 : 1;
            }
            else if (char.IsHighSurrogate(body[i]) && i + 1 < body.Length && char.IsLowSurrogate(body[i + 1]))
            {
                i++;
                yield return 2;
            }
            else
            {
                yield return 1;
            }
        }
    }

    /// <summary>
    /// Splits a reply into messages of at most <paramref name="max"/> characters (Twilio's limit by default), each cut at
    /// the last sentence end that fits, else the last space, else hard (never inside a surrogate pair). Empty in, none out.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int max = MaxBody)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 2);
        var parts = new List<string>();
        var rest = text.Trim();
        while (rest.Length > max)
        {
            var cut = LastBoundary(rest, max);
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            parts.Add(rest);
        }

        return parts;
    }

    static int LastBoundary(string text, int max)
    {
        // A sentence end: . ! ? (or their CJK forms) followed by white space, within the first max characters.
        for (var i = max - 1; i > max / 2; i--)
        {
            if (text[i - 1] is '.' or '!' or '?' or '。' or '！' or '？' && char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        for (var i = max; i > max / 2; i--)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        // One long word: cut hard, but never between the halves of a surrogate pair.
        return char.IsLowSurrogate(text[max]) ? max - 1 : max;
    }

    /// <summary>Collapses the blanks a missing placeholder leaves ("Thanks , Acme" → "Thanks, Acme").</summary>
    public static string Tidy(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == ' ' && sb.Length > 0 && sb[^1] == ' ')
            {
                continue;
            }

            if (c is ',' or '.' && sb.Length > 0 && sb[^1] == ' ')
            {
                sb.Length--;
            }

            sb.Append(c);
        }

        return sb.ToString().Trim();
    }
}
