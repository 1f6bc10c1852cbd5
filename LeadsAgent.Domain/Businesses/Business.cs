using LeadsAgent.Domain.Common;
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
    /// <summary>Opening hours in <see cref="TimeZone"/>; null when the owner has not set them (nothing is said about hours then).</summary>
    public BusinessHours? Hours { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>When a platform admin paused the agent; null while the business is active.</summary>
    public DateTimeOffset? SuspendedAt { get; private set; }
    public string? SuspensionReason { get; private set; }
    public bool IsSuspended => SuspendedAt is not null;

    public AgentConfig? AgentConfig { get; set; }

    /// <summary>How the owner hears about each finished call and chat (default: email).</summary>
    public SummaryDelivery SummaryDelivery { get; set; } = SummaryDelivery.EMAIL;
    /// <summary>The 7 a.m. email of yesterday's leads (on by default).</summary>
    public bool DailyDigest { get; set; } = true;
    /// <summary>Whether the morning email also comes on days after no leads ("no new leads yesterday"); off by default.</summary>
    public bool DigestWhenEmpty { get; set; }
    /// <summary>Whole-call recording with a spoken notice (PRO, off by default).</summary>
    public bool CallRecording { get; set; }

    public static Business Create(string name, BusinessType type, PlanTier plan, DateTimeOffset now) =>
        new() { Name = name, BusinessType = type, PlanTier = plan, CreatedAt = now, UpdatedAt = now };

    /// <summary>Moves the business to another plan and returns the audit record; null when nothing changes.</summary>
    public PlanChange? ChangePlan(PlanTier to, Guid? byUserId, string byEmail, DateTimeOffset at, string? reason = null)
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
            Reason = reason,
        };
        PlanTier = to;
        UpdatedAt = at;
        return change;
    }

    /// <summary>Pauses the agent: chat and phone answer that the business is unavailable (calls still leave voicemail).</summary>
    public void Suspend(string reason, DateTimeOffset at)
    {
        if (IsSuspended)
        {
            throw new DomainException("This business is already suspended.", "status");
        }

        SuspendedAt = at;
        SuspensionReason = reason;
        UpdatedAt = at;
    }

    public void Resume(DateTimeOffset at)
    {
        if (!IsSuspended)
        {
            throw new DomainException("This business is not suspended.", "status");
        }

        SuspendedAt = null;
        SuspensionReason = null;
        UpdatedAt = at;
    }
}
