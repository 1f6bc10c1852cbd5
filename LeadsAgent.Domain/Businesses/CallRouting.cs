using LeadsAgent.Domain.Plans;

namespace LeadsAgent.Domain.Businesses;

/// <summary>Who a new call goes to first: the agent, or the owner's phone (always, or only while the business is open).</summary>
public enum CallRouting
{
    AI_ALWAYS,
    RING_OWNER_FIRST,
    AI_AFTER_HOURS,
}

/// <summary>The routing decision for one call.</summary>
public enum RouteTarget
{
    Agent,
    RingOwner,
}

/// <summary>The rules of <see cref="CallRouting"/>: which plans may use it and where a call goes.</summary>
public static class CallRoutingRules
{
    public const int DefaultRingSeconds = 20;
    public const int MinRingSeconds = 10;
    public const int MaxRingSeconds = 60;

    /// <summary>The mode in force: FREE (no <see cref="PlanFeature.CallRouting"/>) is always the agent, whatever is stored.</summary>
    public static CallRouting Effective(CallRouting stored, PlanTier plan) =>
        PlanRules.Allows(plan, PlanFeature.CallRouting) ? stored : CallRouting.AI_ALWAYS;

    /// <summary>
    /// Where a call goes now. The owner's phone only rings when there is one; AI_AFTER_HOURS rings it only while the
    /// hours say open, and with no hours set the agent answers (hours unknown are never guessed).
    /// </summary>
    public static RouteTarget Route(CallRouting stored, PlanTier plan, string? ownerPhone, BusinessHours? hours, string timeZone, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(ownerPhone))
        {
            return RouteTarget.Agent;
        }

        return Effective(stored, plan) switch
        {
            CallRouting.RING_OWNER_FIRST => RouteTarget.RingOwner,
            CallRouting.AI_AFTER_HOURS when hours is { IsSet: true } && hours.IsOpenAt(now, BusinessHours.Zone(timeZone)) => RouteTarget.RingOwner,
            _ => RouteTarget.Agent,
        };
    }

    /// <summary>Whether a mode needs the owner's phone number.</summary>
    public static bool RingsOwner(CallRouting mode) => mode != CallRouting.AI_ALWAYS;
}
