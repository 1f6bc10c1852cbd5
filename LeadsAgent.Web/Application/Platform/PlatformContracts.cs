using System.Security.Claims;
using FluentValidation;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Web.Validation;

namespace LeadsAgent.Web.Application.Platform;

/// <summary>The platform admin doing something, as the audit records them.</summary>
public sealed record AdminActor(Guid? UserId, string Email)
{
    public static AdminActor From(ClaimsPrincipal user) => new(
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null,
        user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "");

    public AdminAction Did(Guid businessId, AdminActionKind kind, DateTimeOffset at, string? reason = null, string? detail = null) => new()
    {
        BusinessId = businessId,
        AdminUserId = UserId,
        AdminEmail = Email,
        Kind = kind,
        Reason = reason,
        Detail = detail is { Length: > 500 } ? detail[..500] : detail,
        At = at,
    };
}

/// <summary>Suspend or resume a business: the admin says why (kept in the audit).</summary>
public sealed record SuspensionRequest(string? Reason);

public sealed class SuspensionRequestValidator : AbstractValidator<SuspensionRequest>
{
    public SuspensionRequestValidator() => RuleFor(x => x.Reason).RequiredText(AdminAction.MaxReason);
}

/// <summary>An owner sets a new password with the link from the reset email.</summary>
public sealed record ResetPasswordRequest(string? UserId, string? Token, string? NewPassword, string? ConfirmPassword);

public sealed class ResetPasswordRequestValidator : AbstractValidator<ResetPasswordRequest>
{
    public const int MinLength = 10;

    public ResetPasswordRequestValidator()
    {
        RuleFor(x => x.UserId).Must(id => Guid.TryParse(id, out _)).WithMessage("This reset link is incomplete. Open the link from the email again.");
        RuleFor(x => x.Token).NotEmpty().WithMessage("This reset link is incomplete. Open the link from the email again.");
        RuleFor(x => x.NewPassword).RequiredText(128).MinimumLength(MinLength)
            .WithMessage($"'newPassword' must be at least {MinLength} characters: a few words you'll remember work well.");
        RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage("'confirmPassword' must match the new password.");
    }
}

/// <summary>One row of the platform's businesses grid.</summary>
public sealed record BusinessRow(
    Guid Id,
    string Name,
    BusinessType BusinessType,
    PlanTier Plan,
    string? TwilioPhoneNumber,
    string? OwnerEmail,
    int LeadsThisMonth,
    DateTimeOffset? LastActivity,
    bool Suspended,
    string? SuspensionReason,
    DateTimeOffset CreatedAt);

/// <summary>A business as its owner would see its configuration, read-only, for the platform admin.</summary>
public sealed record BusinessView(
    BusinessRow Summary,
    string TimeZone,
    string? NotificationEmail,
    string? NotificationPhoneNumber,
    AgentConfig Config,
    IReadOnlyList<LeadCaptureQuestion> Questions,
    int KnowledgeEntries,
    IReadOnlyList<LeadSummary> RecentLeads,
    IReadOnlyList<AdminActionRow> History);

public sealed record LeadSummary(Guid Id, DateTimeOffset CreatedAt, string Who, Domain.Leads.Channel Channel, Domain.Leads.LeadPriority Priority, Domain.Leads.LeadStatus Status);

/// <summary>One audit row, with the business's name.</summary>
public sealed record AdminActionRow(DateTimeOffset At, Guid BusinessId, string BusinessName, AdminActionKind Kind, string AdminEmail, string? Reason, string? Detail);

/// <summary>One kind of outbox message on the health page.</summary>
public sealed record OutboxQueueRow(Domain.Notifications.NotificationKind Kind, int Pending, int Failed, int SentToday, TimeSpan? OldestPendingAge)
{
    public string Name => Kind switch
    {
        Domain.Notifications.NotificationKind.OWNER_EMAIL => "Lead emails to owners",
        Domain.Notifications.NotificationKind.OWNER_ALERT_CALL => "Emergency alert calls",
        Domain.Notifications.NotificationKind.PASSWORD_RESET => "Password reset emails",
        _ => Kind.ToString(),
    };
}
