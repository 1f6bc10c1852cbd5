using System.Threading.RateLimiting;
using LeadsAgent.Infrastructure.Bookings;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Web.Application.Bookings;

/// <summary>
/// Flood protection for the callers' booking pages (<c>/b/{token}</c>), which anyone may open: a token bucket per client
/// address, a burst of Bookings:LinkRequestBurst requests (30) then one every 2 seconds. A real caller opens a page a few times; guessing a
/// 192-bit token is hopeless anyway, so this only keeps a script from hammering the database.
/// </summary>
public sealed class BookingLinkLimits(IOptions<BookingNoticeOptions> options) : IDisposable
{
    readonly PartitionedRateLimiter<string> _perClient = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.LinkRequestBurst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(2),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Null when allowed; otherwise how long to wait.</summary>
    public TimeSpan? TryAcquire(string client)
    {
        using var lease = _perClient.AttemptAcquire(client);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromSeconds(2);
    }

    public void Dispose() => _perClient.Dispose();
}
