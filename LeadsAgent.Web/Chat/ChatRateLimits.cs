using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Web.Chat;

/// <summary>Chat flood limits: a burst per visitor and business, a steady rate after it, and a ceiling per business.</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";
    public int BurstPerClient { get; set; } = 10;
    public double SecondsPerMessage { get; set; } = 3;
    public int MessagesPerBusinessPerMinute { get; set; } = 300;
}

/// <summary>Chat limits checked at start: a zero or absurd value would refuse or break every chat message.</summary>
public sealed class ChatOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<ChatOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, ChatOptions options)
    {
        var failures = new List<string>();
        if (options.BurstPerClient is < 1 or > 10_000_000)
        {
            failures.Add("Chat:BurstPerClient must be between 1 and 10000000 messages.");
        }

        if (!(options.SecondsPerMessage is >= 0.1 and <= 3600))
        {
            failures.Add("Chat:SecondsPerMessage must be between 0.1 and 3600 seconds.");
        }

        if (options.MessagesPerBusinessPerMinute is < 1 or > 1_000_000)
        {
            failures.Add("Chat:MessagesPerBusinessPerMinute must be between 1 and 1000000.");
        }

        return failures.Count == 0 ? Microsoft.Extensions.Options.ValidateOptionsResult.Success : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(failures);
    }
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
        // The visitor's own bucket first: a refused request must not spend the business's allowance, or one visitor's
        // flood would give every other visitor of the business a 429 for a minute.
        using var lease = _perClient.AttemptAcquire($"{businessId}:{client}");
        if (!lease.IsAcquired)
        {
            return lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromSeconds(options.Value.SecondsPerMessage);
        }

        using var business = _perBusiness.AttemptAcquire(businessId.ToString());
        return business.IsAcquired ? null : business.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
    }

    public void Dispose()
    {
        _perClient.Dispose();
        _perBusiness.Dispose();
    }
}
