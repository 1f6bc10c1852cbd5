using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace LeadsAgent.Infrastructure.Webhooks;

/// <summary>
/// Signs deliveries the way Stripe does: <c>LeadsAgent-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256&gt;</c> over
/// <c>"&lt;t&gt;.&lt;raw body&gt;"</c>, keyed with the whole secret string. The timestamp inside the signed text lets a
/// receiver refuse a replayed old delivery.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "LeadsAgent-Signature";
    public const string EventHeader = "LeadsAgent-Event";
    public const string DeliveryHeader = "LeadsAgent-Delivery";
    public const string SecretPrefix = "whsec_";

    /// <summary>A new secret: "whsec_" and 32 random bytes in base64url.</summary>
    public static string NewSecret() => SecretPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Compute(string secret, long timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    public static string Header(string secret, long timestamp, string body) => $"t={timestamp},v1={Compute(secret, timestamp, body)}";
}

/// <summary>Keeps signing secrets encrypted at rest with the app's Data Protection key ring (stored in PostgreSQL).</summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    readonly IDataProtector _protector = provider.CreateProtector("LeadsAgent.Webhooks.SigningSecret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string stored) => _protector.Unprotect(stored);
}
