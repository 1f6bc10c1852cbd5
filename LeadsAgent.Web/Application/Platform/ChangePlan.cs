using FluentValidation;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Web.Endpoints;

namespace LeadsAgent.Web.Application.Platform;

/// <summary>
/// A platform admin moves a business to another plan and says why; the change goes to plan_changes and the admin
/// audit in one save. Choosing the plan it already has changes nothing and writes nothing.
/// </summary>
public sealed class ChangePlan(BusinessChange businesses, IValidator<ChangePlanRequest> validator, TimeProvider clock)
{
    public async Task<Business> HandleAsync(Guid businessId, ChangePlanRequest request, AdminActor admin, CancellationToken ct = default)
    {
        await validator.ValidateAndThrowAsync(request, ct);
        return await businesses.ApplyAsync(businessId, "platform: change a business's plan", (db, business) =>
        {
            var now = clock.GetUtcNow();
            var reason = request.Reason!.Trim();
            var from = business.PlanTier;
            var change = business.ChangePlan(request.PlanTier!.Value, admin.UserId, admin.Email, now, reason);
            if (change is null)
            {
                return Task.FromResult(false);
            }

            db.PlanChanges.Add(change);
            db.AdminActions.Add(admin.Did(businessId, AdminActionKind.PLAN_CHANGED, now, reason, $"{from} to {change.ToPlan}"));
            return Task.FromResult(true);
        }, ct);
    }
}
