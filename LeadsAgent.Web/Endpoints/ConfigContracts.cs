using System.Text.RegularExpressions;
using FluentValidation;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Domain.Voice;
using LeadsAgent.Web.Validation;

namespace LeadsAgent.Web.Endpoints;

public sealed record ColorThemeDto(string? Primary, string? Secondary);

public sealed record AgentConfigDto(
    Guid Id,
    string AgentName,
    string PersonaPrompt,
    string WelcomeMessage,
    ColorTheme ColorTheme,
    string? LeadCaptureCompletionMessage,
    string? VoiceGreetingMessage,
    string? VoiceCompletionMessage,
    string? VoiceEmergencyMessage,
    string? VoiceEndCallMessage,
    string TwilioVoice,
    string TwilioLanguage,
    IReadOnlyList<string> AllowedWidgetOrigins,
    IReadOnlyList<string> ExtraEmergencyKeywords,
    PlanTier PlanTier,
    IReadOnlyList<PlanFeature> Features,
    int? QuestionLimit,
    bool ShowBranding,
    DateTimeOffset UpdatedAt,
    VoiceMode VoiceMode)
{
    public static AgentConfigDto From(AgentConfig c, PlanTier plan) => new(c.Id, c.AgentName, c.PersonaPrompt, c.WelcomeMessage,
        c.ColorTheme, c.LeadCaptureCompletionMessage, c.VoiceGreetingMessage, c.VoiceCompletionMessage, c.VoiceEmergencyMessage,
        c.VoiceEndCallMessage, c.TwilioVoice, c.TwilioLanguage, c.AllowedWidgetOrigins, c.ExtraEmergencyKeywords, plan,
        PlanRules.Features(plan), PlanRules.QuestionLimit(plan), PlanRules.ShowBranding(plan), c.UpdatedAt, c.VoiceMode);
}

/// <summary>Fields left out (null) keep their current value. Voice fields need the PRO plan.</summary>
public sealed record UpdateConfigRequest(
    string? AgentName,
    string? PersonaPrompt,
    string? WelcomeMessage,
    ColorThemeDto? ColorTheme,
    string? LeadCaptureCompletionMessage,
    string? VoiceGreetingMessage,
    string? VoiceCompletionMessage,
    string? VoiceEmergencyMessage,
    string? VoiceEndCallMessage,
    string? TwilioVoice,
    string? TwilioLanguage,
    List<string>? AllowedWidgetOrigins,
    List<string>? ExtraEmergencyKeywords,
    VoiceMode? VoiceMode = null);

public sealed partial class UpdateConfigRequestValidator : AbstractValidator<UpdateConfigRequest>
{
    public UpdateConfigRequestValidator()
    {
        When(x => x.AgentName is not null, () => RuleFor(x => x.AgentName).RequiredText(100));
        When(x => x.PersonaPrompt is not null, () => RuleFor(x => x.PersonaPrompt).RequiredText(4000));
        When(x => x.WelcomeMessage is not null, () => RuleFor(x => x.WelcomeMessage).RequiredText(1000));
        RuleFor(x => x.LeadCaptureCompletionMessage).MaximumLength(1000);
        RuleFor(x => x.VoiceGreetingMessage).MaximumLength(1000);
        RuleFor(x => x.VoiceMode).IsInEnum().WithMessage("'voiceMode' must be GATHER (the agent answers once the caller has finished) or RELAY (streaming, interruptible).");
        RuleFor(x => x.VoiceCompletionMessage).MaximumLength(1000);
        RuleFor(x => x.VoiceEmergencyMessage).MaximumLength(1000);
        RuleFor(x => x.VoiceEndCallMessage).MaximumLength(1000);
        When(x => x.ColorTheme is not null, () =>
        {
            RuleFor(x => x.ColorTheme!.Primary).Must(IsHexColour).OverridePropertyName("colorTheme.primary")
                .WithMessage("'colorTheme.primary' must be a colour like #0ea5e9.");
            RuleFor(x => x.ColorTheme!.Secondary).Must(IsHexColour).OverridePropertyName("colorTheme.secondary")
                .WithMessage("'colorTheme.secondary' must be a colour like #64748b.");
        });
        When(x => x.TwilioVoice is not null, () => RuleFor(x => x.TwilioVoice).RequiredText(100)
            .Must(v => VoiceCatalog.All.Any(o => o.Name == v))
            .WithMessage("'twilioVoice' must be a voice from the catalogue, like Polly.Joanna-Neural or Google.en-US-Chirp3-HD-Aoede."));
        When(x => x.TwilioLanguage is not null, () => RuleFor(x => x.TwilioLanguage).Must(l => VoiceCatalog.Languages.Contains(l))
            .WithMessage($"'twilioLanguage' must be one of {string.Join(", ", VoiceCatalog.Languages)}."));
        RuleFor(x => x.AllowedWidgetOrigins).Must(o => o is null || o.Count <= 20)
            .WithMessage("'allowedWidgetOrigins' may list at most 20 origins.");
        RuleForEach(x => x.AllowedWidgetOrigins).Must(IsOrigin)
            .WithMessage("Each of 'allowedWidgetOrigins' must be an origin like https://www.example.com (no path).");
        RuleFor(x => x.ExtraEmergencyKeywords).Must(k => k is null || k.Count <= 50)
            .WithMessage("'extraEmergencyKeywords' may list at most 50 keywords.");
        RuleForEach(x => x.ExtraEmergencyKeywords).Must(k => !string.IsNullOrWhiteSpace(k) && k.Trim().Length is >= 3 and <= 60)
            .WithMessage("Each of 'extraEmergencyKeywords' must be 3 to 60 characters.");
    }

    static bool IsHexColour(string? value) => value is not null && HexColour().IsMatch(value);

    /// <summary>An origin is scheme, host and port only: what a browser sends in the Origin header.</summary>
    public static bool IsOrigin(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.Scheme == "http")
        && uri.UserInfo.Length == 0 && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0
        && !value!.TrimEnd('/').EndsWith('/') && value.TrimEnd('/').Count(c => c == '/') == 2;

    /// <summary>The form the CORS check compares against: lower-case, no trailing slash, no default port.</summary>
    public static string NormalizeOrigin(string value) => new Uri(value).GetLeftPart(UriPartial.Authority);

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColour();
}

public sealed record QuestionDto(
    Guid Id,
    string QuestionText,
    ExpectedFormat ExpectedFormat,
    int Order,
    bool IsRequired,
    string? MapsToLeadField,
    bool IsEssentialForEmergency)
{
    public static QuestionDto From(LeadCaptureQuestion q) =>
        new(q.Id, q.QuestionText, q.ExpectedFormat, q.Order, q.IsRequired, q.MapsToLeadField, q.IsEssentialForEmergency);
}

public sealed record QuestionRequest(
    string? QuestionText,
    ExpectedFormat? ExpectedFormat,
    bool? IsRequired,
    string? MapsToLeadField,
    bool? IsEssentialForEmergency);

public sealed class QuestionRequestValidator : AbstractValidator<QuestionRequest>
{
    public QuestionRequestValidator()
    {
        RuleFor(x => x.QuestionText).RequiredText(500);
        RuleFor(x => x.MapsToLeadField).Must(f => string.IsNullOrEmpty(f) || LeadFields.IsKnown(f))
            .WithMessage($"'mapsToLeadField' must be one of {string.Join(", ", LeadFields.All)}.");
    }
}

public sealed record ReorderQuestionsRequest(List<Guid>? QuestionIds);

public sealed class ReorderQuestionsRequestValidator : AbstractValidator<ReorderQuestionsRequest>
{
    public ReorderQuestionsRequestValidator() =>
        RuleFor(x => x.QuestionIds).NotNull().WithMessage("'questionIds' is required: every question id in the new order.");
}
