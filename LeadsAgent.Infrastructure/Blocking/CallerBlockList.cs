using LeadsAgent.Domain.Common;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LeadsAgent.Infrastructure.Blocking;

/// <summary>A caller found on a block list: which entry, and whether it is the platform's list or the business's own.</summary>
public sealed record BlockMatch(Guid EntryId, string Number, bool PlatformWide, string? Reason);

/// <summary>
/// Answers "is this number blocked for this business" from the business's own list and the platform's list. The
/// phone agent asks it before anything else on a call; inbound texts ask it the same way. A hit is counted on the
/// entry (unless <c>count</c> is false: the owner's call simulator), so the owner sees that blocking works.
/// </summary>
public sealed partial class CallerBlockList(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CallerBlockList> logger)
{
    /// <summary>
    /// The block entry that stops this caller, or null. A number that is not a phone number (withheld caller ID) is
    /// never on a list. If the database cannot be read the caller is let through: a lost robocall costs less than a
    /// lost customer.
    /// </summary>
    public async Task<BlockMatch?> CheckAsync(Guid businessId, string? caller, CancellationToken ct, bool count = true)
    {
        if (PhoneNumbers.Normalize(caller) is not { } number)
        {
            return null;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.DbForBusiness(businessId);
            // The tenant filter lets through this business's rows and the platform's (no business); the business's
            // own entry wins so its counter is the one the owner watches.
            var entry = await db.BlockedNumbers.AsNoTracking()
                .Where(b => b.Number == number && (b.BusinessId == businessId || b.BusinessId == null))
                .OrderBy(b => b.BusinessId == null)
                .Select(b => new BlockMatch(b.Id, b.Number, b.BusinessId == null, b.Reason))
                .FirstOrDefaultAsync(ct);
            if (entry is not null && count)
            {
                var now = clock.GetUtcNow();
                await db.BlockedNumbers.Where(b => b.Id == entry.EntryId)
                    .ExecuteUpdateAsync(u => u.SetProperty(b => b.BlockedCalls, b => b.BlockedCalls + 1).SetProperty(b => b.LastBlockedAt, now), ct);
                LogBlocked(logger, Pii.MaskPhone(number), businessId, entry.PlatformWide ? "platform" : "business");
            }

            return entry;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCheckFailed(logger, e, businessId);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a call or text from {Number} to business {BusinessId} ({List} block list)")]
    private static partial void LogBlocked(ILogger logger, string number, Guid businessId, string list);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the block lists for business {BusinessId}; the caller is let through")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception, Guid businessId);
}
