using FluentValidation;
using LeadsAgent.Domain.Common;

namespace LeadsAgent.Web.Validation;

/// <summary>Field rules shared by the API and the dashboard forms.</summary>
public static class Rules
{
    public static IRuleBuilderOptions<T, string?> PhoneNumber<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrEmpty(v) || PhoneNumbers.Normalize(v) is not null)
            .WithMessage("'{PropertyName}' must be a phone number, like +15551234567 or (555) 123-4567.");

    public static IRuleBuilderOptions<T, string?> OptionalEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrEmpty(v) || (v.Length <= 254 && System.Net.Mail.MailAddress.TryCreate(v, out _) && v.Contains('.')))
            .WithMessage("'{PropertyName}' must be an email address, like owner@example.com.");

    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("'{PropertyName}' must not be empty.")
            .MaximumLength(max).StorableText();

    /// <summary>No control characters or broken Unicode: PostgreSQL could not store them.</summary>
    public static IRuleBuilderOptions<T, string?> StorableText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => !Domain.Text.StorableText.HasUnstorable(v))
            .WithMessage("'{PropertyName}' contains a control character or broken Unicode, which can't be stored.");

    public static IRuleBuilderOptions<T, string?> TimeZone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrEmpty(v) || (v.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(v, out _)))
            .WithMessage("'{PropertyName}' must be an IANA time zone, like America/New_York.");
}

/// <summary>Turns optional request text into what is stored: blank means none, phones become E.164.</summary>
public static class Clean
{
    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string? Phone(string? value) => string.IsNullOrWhiteSpace(value) ? null : PhoneNumbers.Normalize(value);
}
