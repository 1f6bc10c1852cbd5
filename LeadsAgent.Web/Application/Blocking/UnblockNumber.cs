using LeadsAgent.Domain.Common;
using LeadsAgent.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Blocking;

/// <summary>
/// The owner takes a number off their business's list (<c>DELETE /api/admin/blocked-numbers/{id}</c> and the pages).
/// Only the business's own entries: the platform's list is the platform admin's, and another business's entry is not found.
/// </summary>
public sealed class UnblockNumber(IDbContextFactory<LeadsDbContext> contexts)
{
    /// <summary>Returns the removed entry (the pages offer Undo with it).</summary>
    public async Task<BlockedNumberDto> HandleAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var entry = await db.BlockedNumbers.SingleOrDefaultAsync(b => b.Id == id && b.BusinessId != null, ct) ?? throw new NotFoundException("Blocked number");
        db.BlockedNumbers.Remove(entry);
        await db.SaveChangesAsync(ct);
        return BlockedNumberDto.From(entry);
    }
}
