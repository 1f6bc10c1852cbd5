using System.Text;

namespace LeadsAgent.Domain.Common;

/// <summary>Phone numbers as people type them, normalised to E.164 (+15551234567).</summary>
public static class PhoneNumbers
{
    /// <summary>
    /// Normalises "(555) 123-4567", "555.123.4567", "+1 555 123 4567" or "1-555-123-4567" to E.164, using the
    /// North American plan for numbers without a country code. Returns null when it is not a phone number.
    /// </summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 40)
        {
            return null;
        }

        var trimmed = input.Trim();
        var international = trimmed.StartsWith('+') || trimmed.StartsWith("00", StringComparison.Ordinal);
        var digits = new StringBuilder();
        foreach (var c in trimmed)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')' or '+' or '/'))
            {
                return null;
            }
        }

        var d = digits.ToString();
        if (trimmed.StartsWith("00", StringComparison.Ordinal))
        {
            d = d[2..];
        }

        if (!international)
        {
            d = d.Length switch
            {
                10 => "1" + d,
                11 when d[0] == '1' => d,
                _ => "",
            };
        }

        // E.164: a country code that does not start with 0, at most 15 digits in all.
        return d.Length is >= 8 and <= 15 && d[0] != '0' ? "+" + d : null;
    }

    public static bool IsE164(string? value) => value is not null && Normalize(value) == value;
}
