using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Platform;

/// <summary>
/// The shape of every platform admin change to one business: across businesses with the purpose recorded, the
/// business or "not found", the change and its audit saved together, and the cached business forgotten so every
/// instance sees the change at once.
/// </summary>
public sealed class BusinessChange(IDbContextFactory<LeadsDbContext> contexts, TenantScope tenant, BusinessDirectory directory)
{
    /// <param name="change">Applies the change to the tracked business (and adds its audit rows); false when there was nothing to change.</param>
    public async Task<Business> ApplyAsync(Guid businessId, string purpose, Func<LeadsDbContext, Business, Task<bool>> change, CancellationToken ct)
    {
        tenant.AcrossBusinesses(purpose);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var business = await db.Businesses.SingleOrDefaultAsync(b => b.Id == businessId, ct) ?? throw new NotFoundException("Business");
        if (await change(db, business))
        {
            await db.SaveChangesAsync(ct);
            directory.Invalidate(businessId);
        }

        return business;
    }
}
