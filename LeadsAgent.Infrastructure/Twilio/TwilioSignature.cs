using System.Security.Cryptography;
using System.Text;

namespace LeadsAgent.Infrastructure.Twilio;

/// <summary>
/// Twilio's request signature (X-Twilio-Signature): HMAC-SHA1 over the full URL followed by every form parameter
/// name and value in ordinal order (repeated names: distinct values, sorted), base64. Validation accepts the URL as
/// received or with its port removed/added, as Twilio's SDKs do, and compares in constant time.
/// </summary>
// Why not the SDK's Twilio.Security.RequestValidator (Twilio 8.2.0): run against TwilioSignatureTests it passes the
// sixteen URL/port/case/userinfo vectors, the wrong-host and wrong-signature ones and our own three, but fails both
// repeated-name vectors (MessagingBinding.Address twice -> 83O6e2vORAoJHUNzJjDWN1jz+BA=; Digits=5678,1234,1234 ->
// IK+Dwps556ElfBT0I3Rgjkr1wJU=): its NameValueCollection overload joins repeated values with commas, and its
// IDictionary overload cannot hold them, while Twilio signs each distinct value sorted (as twilio-node and
// twilio-python do). It also throws on an empty or missing signature rather than answering false.
public static class TwilioSignature
{
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> parameters)
    {
        var data = new StringBuilder(url);
        foreach (var (name, values) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var value in values.Select(v => v ?? "").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                data.Append(name).Append(value);
            }
        }

        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(authToken));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(data.ToString())));
    }

    public static bool IsValid(string authToken, string? signature, string url, IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> parameters)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(authToken))
        {
            return false;
        }

        var list = parameters.ToList();
        var expected = Encoding.UTF8.GetBytes(signature);
        foreach (var candidate in new[] { url, PortVariant(url) }.Distinct(StringComparer.Ordinal))
        {
            var actual = Encoding.UTF8.GetBytes(Compute(authToken, candidate, list));
            if (CryptographicOperations.FixedTimeEquals(actual, expected))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The URL with its explicit port removed, or with the scheme's default port added if it had none.</summary>
    public static string PortVariant(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return url;
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        var authority = url[authorityStart..authorityEnd];
        var at = authority.LastIndexOf('@');
        var hostPort = authority[(at + 1)..];
        var colon = hostPort.LastIndexOf(':');
        string newHostPort;
        if (colon >= 0 && hostPort[(colon + 1)..].All(char.IsAsciiDigit) && colon < hostPort.Length - 1)
        {
            newHostPort = hostPort[..colon];
        }
        else
        {
            var scheme = url[..schemeEnd];
            newHostPort = hostPort + (scheme.Equals("https", StringComparison.OrdinalIgnoreCase) ? ":443" : ":80");
        }

        return url[..authorityStart] + authority[..(at + 1)] + newHostPort + url[authorityEnd..];
    }
}
