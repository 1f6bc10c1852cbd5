namespace LeadsAgent.Domain.Notifications;

/// <summary>
/// That a business's morning digest for one local day was decided (sent, or skipped because there was nothing to say):
/// the key (business, day) is unique, so several app instances and restarts decide it exactly once.
/// </summary>
public sealed class DigestRun
{
    public Guid BusinessId { get; init; }
    /// <summary>The local business day the digest covers (yesterday when it was sent).</summary>
    public DateOnly Day { get; init; }
    public int LeadCount { get; init; }
    /// <summary>The digest email's outbox row; null when nothing was sent (no leads and the owner wants no empty digest).</summary>
    public Guid? NotificationId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
