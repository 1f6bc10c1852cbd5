using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Domain.Voice;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Web.Auth;
using LeadsAgent.Web.Chat;
using LeadsAgent.Web.Endpoints;
using LeadsAgent.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Settings;

/// <summary>
/// Changes the owner's agent configuration: one use case for <c>PUT /api/admin/config</c> and the agent and voice
/// settings pages. Fields left null keep their value; voice fields need the PRO plan.
/// </summary>
public sealed class UpdateAgentConfig(CurrentBusiness current, IDbContextFactory<LeadsDbContext> contexts, BusinessDirectory directory,
    WidgetOrigins widgetOrigins, FluentValidation.IValidator<UpdateConfigRequest> validator, TimeProvider clock)
{
    /// <summary>Validates (a ValidationException names the field), checks the plan, applies and saves.</summary>
    public async Task<AgentConfigDto> HandleAsync(UpdateConfigRequest request, CancellationToken ct = default)
    {
        await FluentValidation.DefaultValidatorExtensions.ValidateAndThrowAsync(validator, request, ct);
        var plan = await current.EffectivePlanAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var config = await db.AgentConfigs.SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Agent configuration");

        var voiceChanged = Changes(request.VoiceGreetingMessage, config.VoiceGreetingMessage)
            || Changes(request.VoiceCompletionMessage, config.VoiceCompletionMessage)
            || Changes(request.VoiceEmergencyMessage, config.VoiceEmergencyMessage)
            || Changes(request.VoiceEndCallMessage, config.VoiceEndCallMessage)
            || Changes(request.TwilioVoice, config.TwilioVoice)
            || Changes(request.TwilioLanguage, config.TwilioLanguage)
            || request.VoiceMode is { } mode && mode != config.VoiceMode;
        if (voiceChanged)
        {
            PlanRules.Require(plan, PlanFeature.VoiceConfiguration);
        }

        config.AgentName = request.AgentName?.Trim() ?? config.AgentName;
        config.PersonaPrompt = request.PersonaPrompt?.Trim() ?? config.PersonaPrompt;
        config.WelcomeMessage = request.WelcomeMessage?.Trim() ?? config.WelcomeMessage;
        if (request.ColorTheme is { } theme)
        {
            config.ColorTheme = new ColorTheme(theme.Primary!.ToLowerInvariant(), theme.Secondary!.ToLowerInvariant());
        }

        config.LeadCaptureCompletionMessage = Keep(request.LeadCaptureCompletionMessage, config.LeadCaptureCompletionMessage);
        config.VoiceGreetingMessage = Keep(request.VoiceGreetingMessage, config.VoiceGreetingMessage);
        config.VoiceCompletionMessage = Keep(request.VoiceCompletionMessage, config.VoiceCompletionMessage);
        config.VoiceEmergencyMessage = Keep(request.VoiceEmergencyMessage, config.VoiceEmergencyMessage);
        config.VoiceEndCallMessage = Keep(request.VoiceEndCallMessage, config.VoiceEndCallMessage);
        config.TwilioVoice = request.TwilioVoice?.Trim() ?? config.TwilioVoice;
        config.TwilioLanguage = request.TwilioLanguage ?? config.TwilioLanguage;
        config.VoiceMode = request.VoiceMode ?? config.VoiceMode;
        if (voiceChanged && !VoiceCatalog.IsValid(config.TwilioVoice, config.TwilioLanguage))
        {
            // A voice speaking another language can fail every <Say> on a live call.
            throw new DomainException($"The voice {config.TwilioVoice} does not speak {config.TwilioLanguage}; pick a voice for that language.", "twilioVoice");
        }

        if (request.AllowedWidgetOrigins is { } origins)
        {
            config.AllowedWidgetOrigins = [.. origins.Select(UpdateConfigRequestValidator.NormalizeOrigin).Distinct()];
        }

        if (request.ExtraEmergencyKeywords is { } keywords)
        {
            config.ExtraEmergencyKeywords = [.. keywords.Select(k => k.Trim().ToLowerInvariant()).Distinct()];
        }

        config.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        directory.Invalidate(config.BusinessId);
        widgetOrigins.Invalidate();
        return AgentConfigDto.From(config, plan);

        static bool Changes(string? requested, string? current) => requested is not null && requested.Trim() != (current ?? "");
        static string? Keep(string? requested, string? current) => requested is null ? current : Clean.Text(requested);
    }
}
