namespace LeadsAgent.Domain.Leads;

/// <summary>Where an owner is with a lead.</summary>
public enum LeadStatus
{
    NEW,
    CONTACTED,
    QUALIFIED,
    CLOSED,
}

/// <summary>How fast a lead needs the owner, from no service intent to danger in progress.</summary>
public enum LeadPriority
{
    LOW = 0,
    NORMAL = 1,
    HIGH = 2,
    URGENT = 3,
}

/// <summary>How the person reached the business.</summary>
public enum Channel
{
    CHAT,
    VOICE,
    /// <summary>Text messages to the business's Twilio number (issue 18).</summary>
    SMS,
}
