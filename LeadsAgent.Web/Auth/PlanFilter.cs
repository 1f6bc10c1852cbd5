using LeadsAgent.Domain.Plans;

namespace LeadsAgent.Web.Auth;

/// <summary>`RequirePlan(tier)`: answers 403 with the design documents' upgrade body when the plan is too low.</summary>
public static class PlanFilter
{
    public const string UpgradeUrl = "/account/plan";

    public static TBuilder RequirePlan<TBuilder>(this TBuilder builder, PlanTier required) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var current = context.HttpContext.RequestServices.GetRequiredService<CurrentBusiness>();
            var plan = await current.EffectivePlanAsync(context.HttpContext.RequestAborted);
            return PlanRules.IsPlanSufficient(plan, required) ? await next(context) : UpgradeRequired(plan, required);
        });

    public static IResult UpgradeRequired(PlanTier current, PlanTier required, string? detail = null) =>
        TypedResults.Json(new PlanUpgradeBody("Plan upgrade required", current, required, UpgradeUrl, detail), statusCode: StatusCodes.Status403Forbidden);
}

public sealed record PlanUpgradeBody(string Error, PlanTier CurrentPlan, PlanTier RequiredPlan, string UpgradeUrl, string? Detail);
