using System.Security.Cryptography;
using System.Text;

namespace LeadsAgent.Tests.Integration.Webhooks;

// The C# verification snippet of the README (Webhooks: headers and signature), compiled here so the fake receiver verifies real deliveries
// with it; WebhookDocsTests checks the docs carry this exact code (between the snippet markers).
// snippet-start
public static class LeadsAgentWebhook
{
    /// <summary>
    /// True when the LeadsAgent-Signature header was made with <paramref name="secret"/> over this exact raw body and
    /// its timestamp is at most five minutes from <paramref name="now"/>. Read the body as a string before any JSON parsing.
    /// </summary>
    public static bool Verify(string secret, string? signatureHeader, string rawBody, DateTimeOffset now)
    {
        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in (signatureHeader ?? "").Split(','))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2)
            {
                continue;
            }

            if (pair[0].Trim() == "t" && long.TryParse(pair[1], out var t))
            {
                timestamp = t;
            }
            else if (pair[0].Trim() == "v1" && pair[1].Length == 64)
            {
                try
                {
                    signatures.Add(Convert.FromHexString(pair[1]));
                }
                catch (FormatException)
                {
                    // Not hex: cannot match.
                }
            }
        }

        if (timestamp is null || Math.Abs(now.ToUnixTimeSeconds() - timestamp.Value) > 300)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{rawBody}"));
        return signatures.Any(s => CryptographicOperations.FixedTimeEquals(s, expected));
    }
}
// snippet-end
