using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Web.Chat;

/// <summary>Chat flood limits: a burst per visitor and business, a steady rate after it, and a ceiling per business.</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";
    public int BurstPerClient { get; set; } = 10;
    public int SecondsPerMessage { get; set; } = 3;
    public int MessagesPerBusinessPerMinute { get; set; } = 300;
}

/// <summary>
/// Flood protection for the anonymous chat API: a token bucket per client and business (a burst of 10, then one
/// message every 3 seconds) and one per business (300 a minute across all visitors). Refusals carry Retry-After.
/// </summary>
public sealed class ChatRateLimits(IOptions<ChatOptions> options) : IDisposable
{
    readonly PartitionedRateLimiter<string> _perClient = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.BurstPerClient,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(options.Value.SecondsPerMessage),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    readonly PartitionedRateLimiter<string> _perBusiness = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.MessagesPerBusinessPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>Null when allowed; otherwise how long to wait.</summary>
    public TimeSpan? TryAcquire(string client, Guid businessId)
    {
        using var business = _perBusiness.AttemptAcquire(businessId.ToString());
        if (!business.IsAcquired)
        {
            return business.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
        }

        using var lease = _perClient.AttemptAcquire($"{businessId}:{client}");
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromSeconds(3);
    }

    public void Dispose()
    {
        _perClient.Dispose();
        _perBusiness.Dispose();
    }
}
