namespace LeadsAgent.Domain.Businesses;

/// <summary>How the owner gets the summary of each finished call and chat: email (every plan), a text (BASIC and up), both, or none.</summary>
public enum SummaryDelivery
{
    EMAIL,
    TEXT,
    BOTH,
    OFF,
}
