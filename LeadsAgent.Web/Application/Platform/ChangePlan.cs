using FluentValidation;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using LeadsAgent.Web.Endpoints;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Platform;

/// <summary>
/// A platform admin moves a business to another plan and says why; the change goes to plan_changes and the admin
/// audit in one save. Choosing the plan it already has changes nothing and writes nothing.
/// </summary>
public sealed class ChangePlan(IDbContextFactory<LeadsDbContext> contexts, TenantScope tenant, BusinessDirectory directory,
    IValidator<ChangePlanRequest> validator, TimeProvider clock)
{
    public async Task<Business> HandleAsync(Guid businessId, ChangePlanRequest request, AdminActor admin, CancellationToken ct = default)
    {
        await validator.ValidateAndThrowAsync(request, ct);
        tenant.AcrossBusinesses("platform: change a business's plan");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var business = await db.Businesses.SingleOrDefaultAsync(b => b.Id == businessId, ct) ?? throw new NotFoundException("Business");
        var now = clock.GetUtcNow();
        var reason = request.Reason!.Trim();
        var from = business.PlanTier;
        var change = business.ChangePlan(request.PlanTier!.Value, admin.UserId, admin.Email, now, reason);
        if (change is null)
        {
            return business;
        }

        db.PlanChanges.Add(change);
        db.AdminActions.Add(admin.Did(businessId, AdminActionKind.PLAN_CHANGED, now, reason, $"{from} to {change.ToPlan}"));
        await db.SaveChangesAsync(ct);
        directory.Invalidate(businessId);
        return business;
    }
}
