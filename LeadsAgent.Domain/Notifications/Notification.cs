namespace LeadsAgent.Domain.Notifications;

/// <summary>What an outbox row asks the worker to do.</summary>
public enum NotificationKind
{
    OWNER_EMAIL,
    OWNER_ALERT_CALL,
    /// <summary>A password reset link for an owner, sent when a platform admin asks (payload: the user's id).</summary>
    PASSWORD_RESET,
    /// <summary>A text message through Twilio's Messages API (payload: to, body, purpose).</summary>
    SMS,
    /// <summary>The owner's summary of one call or chat by email (payload: the conversation's id).</summary>
    CALL_SUMMARY,
    /// <summary>The owner's morning email of yesterday's leads by priority (payload: the business day).</summary>
    DAILY_DIGEST,
    /// <summary>One signed POST of an event to an owner's webhook endpoint (payload: endpoint, event).</summary>
    WEBHOOK_DELIVERY,
    /// <summary>The email telling the owner a failing webhook endpoint was switched off (payload: endpoint).</summary>
    WEBHOOK_DISABLED,
    /// <summary>An email about one booking to the caller or the owner: confirmed, moved, cancelled, reminder (payload: booking, purpose, recipient).</summary>
    BOOKING_EMAIL,
    /// <summary>Writes or removes one booking's event in the owner's CalDAV calendar (payload: the booking's id).</summary>
    CALENDAR_SYNC,
}

/// <summary>Where an outbox row is in its life.</summary>
public enum NotificationStatus
{
    PENDING,
    SENT,
    FAILED,
    CANCELLED,
}

/// <summary>An outbox row: written with the lead in one transaction, sent later with retries, never dropped.</summary>
public sealed class Notification
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; init; }
    public Guid? LeadId { get; init; }
    public NotificationKind Kind { get; init; }
    /// <summary>What the sender needs, as a JSON document.</summary>
    public string Payload { get; set; } = "{}";
    public NotificationStatus Status { get; set; } = NotificationStatus.PENDING;
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}
