namespace LeadsAgent.Domain.Plans;

/// <summary>Audit record of one plan change: who made it, from which plan to which, and when.</summary>
public sealed class PlanChange
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; init; }
    public Guid? ChangedByUserId { get; init; }
    public string ChangedByEmail { get; init; } = "";
    public PlanTier FromPlan { get; init; }
    public PlanTier ToPlan { get; init; }
    public DateTimeOffset ChangedAt { get; init; }
    /// <summary>Why the admin changed it (required in the dashboard; older rows have none).</summary>
    public string? Reason { get; init; }
}
