using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Emergencies;

namespace LeadsAgent.Domain.Leads;

/// <summary>A person who wants something from the business, with what the agent captured and how urgent it is.</summary>
public sealed class Lead
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; init; }
    /// <summary>Answers keyed by the question's id.</summary>
    public Dictionary<string, CapturedAnswer> CapturedData { get; set; } = [];
    public string ConversationTranscript { get; set; } = "";
    public LeadStatus Status { get; private set; } = LeadStatus.NEW;
    public LeadPriority Priority { get; set; } = LeadPriority.NORMAL;
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
    public string? Address { get; set; }
    public string? Notes { get; set; }
    public Channel Channel { get; init; }
    /// <summary>The conversation that completed the lead (a call finished by text moves it to the text conversation).</summary>
    public string? SessionId { get; set; }
    public List<EmergencyReason> EmergencyReasons { get; set; } = [];
    public string? RecordingUrl { get; set; }
    /// <summary>Warm transfers of the call to the owner: when each ended and how ("connected at 10:04").</summary>
    public List<Conversations.TransferAttempt> Transfers { get; set; } = [];
    public DateTimeOffset? AlertAcknowledgedAt { get; set; }
    /// <summary>Who took the emergency: the owner's email from the dashboard, or the number that pressed 1 on the alert call.</summary>
    public string? AlertAcknowledgedBy { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Moves the lead along; a lead that has been worked on cannot go back to NEW.</summary>
    public void ChangeStatus(LeadStatus to, DateTimeOffset at)
    {
        if (to == Status)
        {
            return;
        }

        if (to == LeadStatus.NEW)
        {
            throw new DomainException($"A {Status} lead cannot go back to NEW.", "status");
        }

        Status = to;
        UpdatedAt = at;
    }
}
