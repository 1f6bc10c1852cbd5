namespace LeadsAgent.Domain.Businesses;

/// <summary>What kind of answer a lead-capture question expects; the flow validates answers by it.</summary>
public enum ExpectedFormat
{
    TEXT,
    EMAIL,
    PHONE,
    DATE,
    ADDRESS,
}
