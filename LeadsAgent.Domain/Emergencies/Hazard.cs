namespace LeadsAgent.Domain.Emergencies;

/// <summary>
/// The danger a triage result carries, which decides the safety script said before anything else. Only URGENT
/// results carry one; a HIGH leak or a LAW arrest has <see cref="None"/>. New values go at the end: sessions store
/// the scripts already given by number.
/// </summary>
public enum Hazard
{
    None,
    Gas,
    CarbonMonoxide,
    Fire,
    Electrical,
    /// <summary>A person threatened or attacked (law firms): "call 911 first". Scored as NONE: not one of the seed's hazards.</summary>
    Violence,
    /// <summary>Water in the building now: burst pipes, active flooding, sewage backing up.</summary>
    Water,
    /// <summary>Medical equipment someone depends on without power (home oxygen, ventilator, dialysis).</summary>
    Medical,
}

/// <summary>The hazard names the corpus and the blind set use: GAS, CO, FIRE, WATER, ELECTRICAL, MEDICAL, NONE.</summary>
public static class HazardCodes
{
    public static string Code(this Hazard hazard) => hazard switch
    {
        Hazard.Gas => "GAS",
        Hazard.CarbonMonoxide => "CO",
        Hazard.Fire => "FIRE",
        Hazard.Electrical => "ELECTRICAL",
        Hazard.Water => "WATER",
        Hazard.Medical => "MEDICAL",
        _ => "NONE",
    };
}

/// <summary>What to tell a person in danger, in their language.</summary>
public sealed record SafetyScript(Hazard Hazard, string Text, string Language);

/// <summary>The outcome of triage: the priority, why, what was deliberately ignored and why, and a safety script when life is at risk.</summary>
public sealed record TriageResult(
    Leads.LeadPriority Priority,
    IReadOnlyList<EmergencyReason> Reasons,
    IReadOnlyList<EmergencyReason> Ignored,
    SafetyScript? SafetyScript)
{
    public bool IsEmergency => Priority == Leads.LeadPriority.URGENT;

    /// <summary>The result's hazard: the one its safety script is for, else None.</summary>
    public Hazard Hazard => SafetyScript?.Hazard ?? Hazard.None;

    /// <summary>The language the message reads in ("es", "en"), or null when it is too short to tell.</summary>
    public string? Language { get; init; }
}
