using System.Security.Claims;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Endpoints;

/// <summary>A platform admin moves a business to another plan; each change is written to the plan_changes audit table.</summary>
public sealed class PlanChanger(LeadsDbContext db, TenantScope tenant, BusinessDirectory directory, TimeProvider clock)
{
    public async Task<Business> ChangeAsync(Guid businessId, PlanTier to, ClaimsPrincipal admin, CancellationToken ct)
    {
        tenant.AcrossBusinesses("change a business's plan");
        var business = await db.Businesses.SingleOrDefaultAsync(b => b.Id == businessId, ct) ?? throw new NotFoundException("Business");
        var userId = Guid.TryParse(admin.FindFirstValue(ClaimTypes.NameIdentifier), out var uid) ? uid : (Guid?)null;
        var change = business.ChangePlan(to, userId, admin.FindFirstValue(ClaimTypes.Email) ?? admin.Identity?.Name ?? "", clock.GetUtcNow());
        if (change is not null)
        {
            db.PlanChanges.Add(change);
            await db.SaveChangesAsync(ct);
            directory.Invalidate(business.Id);
        }

        return business;
    }
}
