using LeadsAgent.Domain.Emergencies;

namespace LeadsAgent.Domain.Knowledge;

/// <summary>
/// What to look up in a business's knowledge when a caller reports a hazard: the advice an owner writes about it ("turn
/// off the main water shut-off valve"), found even when the caller's own words ("under my kitchen sink") are not in it.
/// Each query names what to do rather than what happened, so the passage with the advice ranks above one that only
/// lists the emergency ("we answer burst pipes and flooding around the clock").
/// </summary>
public static class SafetyQueries
{
    public static string? For(Hazard hazard) => hazard switch
    {
        Hazard.Water => "shut off the main water valve",
        Hazard.Gas => "if you smell gas",
        Hazard.CarbonMonoxide => "carbon monoxide alarm",
        Hazard.Fire => "fire smoke burning smell",
        Hazard.Electrical => "sparks electrical breaker shock",
        Hazard.Medical => "medical equipment oxygen power outage generator",
        _ => null,
    };
}
