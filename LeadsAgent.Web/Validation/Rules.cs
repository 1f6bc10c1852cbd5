using FluentValidation;
using LeadsAgent.Domain.Common;

namespace LeadsAgent.Web.Validation;

/// <summary>Field rules shared by the API and the dashboard forms.</summary>
public static class Rules
{
    public static IRuleBuilderOptions<T, string?> PhoneNumber<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrEmpty(v) || LeadsAgent.Domain.Common.PhoneNumbers.Normalize(v) is not null)
            .WithMessage("'{PropertyName}' must be a phone number, like +15551234567 or (555) 123-4567.");

    public static IRuleBuilderOptions<T, string?> OptionalEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrEmpty(v) || IsEmailAddress(v))
            .WithMessage("'{PropertyName}' must be an email address, like owner@example.com.");

    /// <summary>
    /// A bare address MailKit can send to (MimeKit's parser, the one the sender uses): the whole input is the address
    /// (no display name, no comments), with a local part and a dotted domain.
    /// </summary>
    public static bool IsEmailAddress(string value)
    {
        if (value.Length > 254 || !MimeKit.MailboxAddress.TryParse(value, out var mailbox) || mailbox.Address != value)
        {
            return false;
        }

        var at = value.LastIndexOf('@');
        var dot = value.LastIndexOf('.');
        return at > 0 && dot > at + 1 && dot < value.Length - 1 && value.IndexOfAny([' ', '<', '>', '"', '(', ')']) < 0;
    }

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

    public static string? Phone(string? value) => string.IsNullOrWhiteSpace(value) ? null : LeadsAgent.Domain.Common.PhoneNumbers.Normalize(value);
}
