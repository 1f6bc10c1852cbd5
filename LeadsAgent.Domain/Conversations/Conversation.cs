using LeadsAgent.Domain.Leads;

namespace LeadsAgent.Domain.Conversations;

/// <summary>How a conversation ended, or that it is still going.</summary>
public enum ConversationStatus
{
    ACTIVE,
    COMPLETED,
    ABANDONED,
    TRANSFERRED,
}

/// <summary>One turn of a conversation as stored.</summary>
public sealed record ConversationMessage(string Role, string Content, DateTimeOffset Timestamp, string? Intent = null, double? Confidence = null);

/// <summary>A finished (or persisted) chat or call: the messages, the analytics and the lead it produced.</summary>
public sealed class Conversation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; init; }
    public string SessionId { get; init; } = "";
    public Channel Channel { get; init; }
    public List<ConversationMessage> Messages { get; set; } = [];
    /// <summary>The session analytics as a JSON document.</summary>
    public string Analytics { get; set; } = "{}";
    public ConversationStatus Status { get; set; } = ConversationStatus.ACTIVE;
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; set; }
    public Guid? LeadId { get; set; }
    public string? CallSid { get; init; }
    public string? FromNumber { get; init; }
    public string? ToNumber { get; init; }
    /// <summary>The whole-call recording (PRO, when the owner turned recording on): Twilio's URL, its id and length.</summary>
    public string? RecordingUrl { get; set; }
    public string? RecordingSid { get; set; }
    public int? RecordingSeconds { get; set; }
}
