using FluentValidation;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Plans;

namespace LeadsAgent.Web.Endpoints;

/// <summary>The owner's summary, digest and recording settings, with what the plan allows.</summary>
public sealed record SummarySettingsDto(
    SummaryDelivery SummaryDelivery,
    bool DailyDigest,
    bool DigestWhenEmpty,
    bool CallRecording,
    bool TextsAvailable,
    bool RecordingAvailable,
    string RecordingNotice,
    bool HasAlertPhone)
{
    public static SummarySettingsDto From(Business b, PlanTier plan, string? language) => new(
        b.SummaryDelivery, b.DailyDigest, b.DigestWhenEmpty, b.CallRecording,
        PlanRules.Allows(plan, PlanFeature.OwnerTexts), PlanRules.Allows(plan, PlanFeature.CallRecording),
        AgentPhrases.Say(AgentPhrase.RecordingNotice, language), !string.IsNullOrWhiteSpace(b.NotificationPhoneNumber));
}

/// <summary><c>PUT /api/admin/summaries</c>: every field optional, an omitted one keeps its value.</summary>
public sealed record SummarySettingsRequest(string? SummaryDelivery, bool? DailyDigest, bool? DigestWhenEmpty, bool? CallRecording);

/// <summary>Shared by the API and the account page's form.</summary>
public sealed class SummarySettingsRequestValidator : AbstractValidator<SummarySettingsRequest>
{
    public static readonly string[] Choices = [.. Enum.GetNames<SummaryDelivery>()];

    public SummarySettingsRequestValidator()
    {
        RuleFor(x => x.SummaryDelivery)
            .Must(v => v is null || Choices.Contains(v, StringComparer.Ordinal))
            .WithMessage("Choose how summaries reach you: EMAIL, TEXT, BOTH or OFF.");
    }
}
