namespace LeadsAgent.Domain.Blocking;

/// <summary>
/// A phone number whose calls are refused: on one business's list, or on the platform's list (no business) for every
/// business. The counters show the owner that blocking works.
/// </summary>
public sealed class BlockedNumber
{
    public const int MaxReason = 200;
    public const int MaxCreatedBy = 256;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The business whose list this is; null for the platform-wide list.</summary>
    public Guid? BusinessId { get; init; }

    /// <summary>E.164 (+15551234567).</summary>
    public string Number { get; init; } = "";
    public string? Reason { get; set; }

    /// <summary>Who added it (the owner's or the platform admin's email).</summary>
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public int BlockedCalls { get; set; }
    public DateTimeOffset? LastBlockedAt { get; set; }

    public bool IsPlatformWide => BusinessId is null;
}
