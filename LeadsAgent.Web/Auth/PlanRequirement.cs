using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;

namespace LeadsAgent.Web.Auth;

/// <summary>A page that needs at least this plan; the server refuses it to owners on a lower one.</summary>
public sealed record PlanRequirement(PlanTier Tier) : IAuthorizationRequirement;

public sealed class PlanRequirementHandler(CurrentBusiness current) : AuthorizationHandler<PlanRequirement>
{
    public const string Pro = "Plan:PRO";
    public const string Basic = "Plan:BASIC";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PlanRequirement requirement)
    {
        if (context.User.IsInRole(Roles.Owner) && PlanRules.IsPlanSufficient(await current.EffectivePlanAsync(), requirement.Tier))
        {
            context.Succeed(requirement);
        }
    }
}
