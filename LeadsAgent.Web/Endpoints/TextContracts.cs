using System.Globalization;
using FluentValidation;

namespace LeadsAgent.Web.Endpoints;

/// <summary>The owner's text settings as <c>PUT /api/admin/texts</c> takes them (every field required; times "HH:mm" in the business's zone).</summary>
public sealed record TextSettingsRequest(bool? OwnerTexts, bool? CallerConfirmation, bool? MissedCallTextBack, bool? QuietHoursEnabled,
    string? QuietStart, string? QuietEnd);

/// <summary>A number that texted STOP, as the owner sees it.</summary>
public sealed record OptOutDto(string PhoneNumber, DateTimeOffset OptedOutAt, string Source);

/// <summary>Example texts, filled with the business's name, for the owner to see what each switch sends.</summary>
public sealed record TextExamples(string OwnerLead, string OwnerEmergency, string CallerConfirmation, string MissedCall);

public sealed record TextSettingsDto(bool OwnerTexts, bool CallerConfirmation, bool MissedCallTextBack, bool QuietHoursEnabled, string QuietStart, string QuietEnd,
    bool NewLeadTextsInPlan, string? NotificationPhoneNumber, string? TwilioPhoneNumber, bool TwilioConfigured, string MessagingWebhookUrl, string TimeZone,
    IReadOnlyList<OptOutDto> OptOuts, TextExamples Examples);

public sealed class TextSettingsRequestValidator : AbstractValidator<TextSettingsRequest>
{
    public TextSettingsRequestValidator()
    {
        RuleFor(x => x.OwnerTexts).NotNull().WithMessage("'ownerTexts' is required: true or false.");
        RuleFor(x => x.CallerConfirmation).NotNull().WithMessage("'callerConfirmation' is required: true or false.");
        RuleFor(x => x.MissedCallTextBack).NotNull().WithMessage("'missedCallTextBack' is required: true or false.");
        RuleFor(x => x.QuietHoursEnabled).NotNull().WithMessage("'quietHoursEnabled' is required: true or false.");
        RuleFor(x => x.QuietStart).Must(IsTime).WithMessage("'quietStart' must be a time like 21:00 (24-hour clock).");
        RuleFor(x => x.QuietEnd).Must(IsTime).WithMessage("'quietEnd' must be a time like 08:00 (24-hour clock).");
        RuleFor(x => x.QuietEnd).Must((r, end) => r.QuietHoursEnabled != true || !IsTime(r.QuietStart) || !IsTime(end) || ParseTime(r.QuietStart!) != ParseTime(end!))
            .WithMessage("Quiet hours must start and end at different times.");
    }

    public static bool IsTime(string? value) => value is not null && TimeOnly.TryParseExact(value.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static TimeOnly ParseTime(string value) => TimeOnly.ParseExact(value.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture);
}
