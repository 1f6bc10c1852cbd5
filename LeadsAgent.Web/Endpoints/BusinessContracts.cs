using FluentValidation;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Web.Validation;

namespace LeadsAgent.Web.Endpoints;

public sealed record BusinessDto(
    Guid Id,
    string Name,
    BusinessType BusinessType,
    PlanTier PlanTier,
    string? TwilioPhoneNumber,
    string? NotificationEmail,
    string? NotificationPhoneNumber,
    string? BackupPhoneNumber,
    string TimeZone,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool Suspended,
    string? SuspensionReason)
{
    public static BusinessDto From(Business b) => new(b.Id, b.Name, b.BusinessType, b.PlanTier, b.TwilioPhoneNumber,
        b.NotificationEmail, b.NotificationPhoneNumber, b.BackupPhoneNumber, b.TimeZone, b.CreatedAt, b.UpdatedAt, b.IsSuspended, b.SuspensionReason);
}

public sealed record CreateBusinessRequest(
    string? Name,
    BusinessType? BusinessType,
    PlanTier? PlanTier,
    string? TwilioPhoneNumber,
    string? NotificationEmail,
    string? NotificationPhoneNumber,
    string? OwnerEmail,
    string? OwnerPassword,
    string? TimeZone);

public sealed class CreateBusinessRequestValidator : AbstractValidator<CreateBusinessRequest>
{
    public CreateBusinessRequestValidator()
    {
        RuleFor(x => x.Name).RequiredText(200);
        RuleFor(x => x.BusinessType).NotNull().WithMessage("'businessType' is required: REAL_ESTATE, LAW, HVAC, PLUMBING, ELECTRICAL or OTHER.");
        RuleFor(x => x.PlanTier).NotNull().WithMessage("'planTier' is required: FREE, BASIC or PRO.");
        RuleFor(x => x.TwilioPhoneNumber).PhoneNumber();
        RuleFor(x => x.NotificationEmail).OptionalEmail();
        RuleFor(x => x.NotificationPhoneNumber).PhoneNumber();
        RuleFor(x => x.OwnerEmail).RequiredText(256).EmailAddress();
        RuleFor(x => x.OwnerPassword).RequiredText(128).MinimumLength(10);
        RuleFor(x => x.TimeZone).TimeZone();
    }
}

/// <summary>A plan change and why (kept in plan_changes and the admin audit).</summary>
public sealed record ChangePlanRequest(PlanTier? PlanTier, string? Reason);

public sealed class ChangePlanRequestValidator : AbstractValidator<ChangePlanRequest>
{
    public ChangePlanRequestValidator()
    {
        RuleFor(x => x.PlanTier).NotNull().WithMessage("'planTier' is required: FREE, BASIC or PRO.")
            .IsInEnum().WithMessage("'planTier' must be FREE, BASIC or PRO.");
        RuleFor(x => x.Reason).RequiredText(AdminAction.MaxReason);
    }
}

public sealed record UpdateBusinessRequest(
    string? Name,
    BusinessType? BusinessType,
    string? TwilioPhoneNumber,
    string? NotificationEmail,
    string? NotificationPhoneNumber,
    string? BackupPhoneNumber,
    string? TimeZone);

public sealed class UpdateBusinessRequestValidator : AbstractValidator<UpdateBusinessRequest>
{
    public UpdateBusinessRequestValidator()
    {
        RuleFor(x => x.Name).RequiredText(200).When(x => x.Name is not null);
        RuleFor(x => x.TwilioPhoneNumber).PhoneNumber();
        RuleFor(x => x.NotificationEmail).OptionalEmail();
        RuleFor(x => x.NotificationPhoneNumber).PhoneNumber();
        RuleFor(x => x.BackupPhoneNumber).PhoneNumber();
        RuleFor(x => x.TimeZone).TimeZone();
    }
}

/// <summary>The Twilio number a platform admin connects to a business (null or empty disconnects it).</summary>
public sealed record AssignNumberRequest(string? TwilioPhoneNumber);

public sealed class AssignNumberRequestValidator : AbstractValidator<AssignNumberRequest>
{
    public AssignNumberRequestValidator() => RuleFor(x => x.TwilioPhoneNumber).PhoneNumber();
}
