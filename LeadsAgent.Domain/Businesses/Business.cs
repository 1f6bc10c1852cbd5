using LeadsAgent.Domain.Plans;

namespace LeadsAgent.Domain.Businesses;

/// <summary>A customer of LeadsAgent: one plumber, law firm or estate agent, with its plan and contact numbers.</summary>
public sealed class Business
{
    public const string DefaultTimeZone = "America/New_York";

    /// <summary>Random, so it can be shown in the widget's script tag without being guessable.</summary>
    public Guid Id { get; init; } = Guid.NewGuid();
    public string Name { get; set; } = "";
    public BusinessType BusinessType { get; set; } = BusinessType.OTHER;
    public PlanTier PlanTier { get; private set; } = PlanTier.FREE;
    public string? TwilioPhoneNumber { get; set; }
    public string? NotificationEmail { get; set; }
    public string? NotificationPhoneNumber { get; set; }
    public string? BackupPhoneNumber { get; set; }
    public string TimeZone { get; set; } = DefaultTimeZone;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public AgentConfig? AgentConfig { get; set; }

    public static Business Create(string name, BusinessType type, PlanTier plan, DateTimeOffset now) =>
        new() { Name = name, BusinessType = type, PlanTier = plan, CreatedAt = now, UpdatedAt = now };

    /// <summary>Moves the business to another plan and returns the audit record; null when nothing changes.</summary>
    public PlanChange? ChangePlan(PlanTier to, Guid? byUserId, string byEmail, DateTimeOffset at)
    {
        if (to == PlanTier)
        {
            return null;
        }

        var change = new PlanChange
        {
            BusinessId = Id,
            ChangedByUserId = byUserId,
            ChangedByEmail = byEmail,
            FromPlan = PlanTier,
            ToPlan = to,
            ChangedAt = at,
        };
        PlanTier = to;
        UpdatedAt = at;
        return change;
    }
}
