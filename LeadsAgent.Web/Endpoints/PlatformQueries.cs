using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Endpoints;

/// <summary>
/// What the platform admin reads across businesses, for the platform API and the Businesses page alike; each read
/// asks the tenant scope for every business with its purpose (audited, refused to owners).
/// </summary>
public sealed class PlatformQueries(LeadsDbContext db, TenantScope tenant)
{
    public async Task<List<Business>> BusinessesAsync(CancellationToken ct)
    {
        tenant.AcrossBusinesses("platform: list businesses");
        return await db.Businesses.AsNoTracking().OrderBy(b => b.Name).ToListAsync(ct);
    }

    public async Task<List<PlanChange>> RecentPlanChangesAsync(int take, CancellationToken ct)
    {
        tenant.AcrossBusinesses("platform: plan change history");
        return await db.PlanChanges.AsNoTracking().OrderByDescending(c => c.ChangedAt).Take(take).ToListAsync(ct);
    }
}
