using System.Text;

namespace LeadsAgent.Domain.Text;

/// <summary>
/// Text from callers and visitors made safe to keep: PostgreSQL text cannot hold a NUL, and a lone UTF-16 surrogate
/// cannot be encoded as UTF-8 at all. Either would make every later write of the conversation fail.
/// </summary>
public static class StorableText
{
    /// <summary>Whether the text has a control character (other than tab and line breaks) or broken Unicode.</summary>
    public static bool HasUnstorable(string? text)
    {
        if (text is null)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsControl(c))
            {
                return true;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text without control characters (tab and line breaks kept); broken surrogates become U+FFFD.</summary>
    public static string Clean(string text)
    {
        if (!HasUnstorable(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                sb.Append('\uFFFD');
            }
            else if (!IsControl(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    public static string? CleanOrNull(string? text) => text is null ? null : Clean(text);

    static bool IsControl(char c) => c is < ' ' and not ('\t' or '\n' or '\r') or '\u007F';
}
