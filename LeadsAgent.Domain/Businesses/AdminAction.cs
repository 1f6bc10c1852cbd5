namespace LeadsAgent.Domain.Businesses;

/// <summary>What a platform admin did to (or looked at in) a business.</summary>
public enum AdminActionKind
{
    CREATED,
    OPENED,
    PLAN_CHANGED,
    NUMBER_CHANGED,
    SUSPENDED,
    RESUMED,
    PASSWORD_RESET_SENT,
}

/// <summary>Audit record of one platform admin action on a business: who, when, what and why.</summary>
public sealed class AdminAction
{
    public const int MaxReason = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; init; }
    public Guid? AdminUserId { get; init; }
    public string AdminEmail { get; init; } = "";
    public AdminActionKind Kind { get; init; }
    /// <summary>The admin's reason (plan changes, suspensions), in their words.</summary>
    public string? Reason { get; init; }
    /// <summary>What changed, for the list ("FREE to PRO", the owner the reset link went to).</summary>
    public string? Detail { get; init; }
    public DateTimeOffset At { get; init; }
}
