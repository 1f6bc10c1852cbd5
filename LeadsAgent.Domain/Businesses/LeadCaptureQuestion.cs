namespace LeadsAgent.Domain.Businesses;

/// <summary>One question the agent asks to capture a lead, in the owner's order.</summary>
public sealed class LeadCaptureQuestion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AgentConfigId { get; set; }
    public Guid BusinessId { get; set; }
    public string QuestionText { get; set; } = "";
    public ExpectedFormat ExpectedFormat { get; set; } = ExpectedFormat.TEXT;
    public int Order { get; set; }
    public bool IsRequired { get; set; } = true;
    public string? MapsToLeadField { get; set; }
    public bool IsEssentialForEmergency { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}
