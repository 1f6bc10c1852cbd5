namespace LeadsAgent.Domain.Businesses;

/// <summary>The trade a business is in; it picks the default emergency lexicon and questions.</summary>
public enum BusinessType
{
    REAL_ESTATE,
    LAW,
    HVAC,
    PLUMBING,
    ELECTRICAL,
    OTHER,
}
