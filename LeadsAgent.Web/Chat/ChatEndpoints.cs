using System.Security.Cryptography;
using FluentValidation;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Domain.Voice;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Conversations;
using LeadsAgent.Infrastructure.Sessions;
using LeadsAgent.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Web.Chat;

public sealed record ChatRequest(string? BusinessId, string? SessionId, string? Message);

public sealed class ChatRequestValidator : AbstractValidator<ChatRequest>
{
    public const int MaxMessageLength = 1000;

    public ChatRequestValidator()
    {
        RuleFor(x => x.BusinessId).Must(id => Guid.TryParse(id, out _)).WithMessage("'businessId' must be the business id from the widget's script tag.");
        RuleFor(x => x.SessionId).MaximumLength(100);
        RuleFor(x => x.Message).RequiredText(MaxMessageLength)
            .WithMessage($"'message' must not be empty and may be at most {MaxMessageLength} characters.");
    }
}

public sealed record ChatReply(
    string SessionId,
    string Reply,
    LeadPriority Priority,
    bool Emergency,
    bool LeadCaptured,
    Guid? LeadId,
    bool ShowBranding,
    string? SafetyScript,
    string? EmergencyPhone,
    bool Unavailable = false);

public sealed record WidgetConfig(
    Guid BusinessId,
    string BusinessName,
    string AgentName,
    string WelcomeMessage,
    ColorTheme Colors,
    bool ShowBranding,
    IReadOnlyList<PlanFeature> Features,
    string? Phone,
    bool Unavailable = false)
{
    /// <summary>"Open now · until 5 p.m." or "Closed now · we'll call you back from 8 a.m. Monday"; null when the owner set no hours.</summary>
    public string? HoursLine { get; init; }
    /// <summary>Whether the business is open now by its hours; null when no hours are set.</summary>
    public bool? OpenNow { get; init; }
}

/// <summary>The website chat: the widget's configuration and one engine turn per message, anonymous but rate limited.</summary>
public static class ChatEndpoints
{
    public const string CorsPolicy = "widget";

    public static void MapChat(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/widget/config/{businessId}", ConfigAsync).AllowAnonymous().RequireCors(CorsPolicy);
        app.MapPost("/api/chat", ChatAsync).AllowAnonymous().RequireCors(CorsPolicy).DisableAntiforgery().Validate<ChatRequest>();
    }

    static async Task<Results<Ok<WidgetConfig>, ProblemHttpResult>> ConfigAsync(string businessId, HttpRequest request, BusinessDirectory directory,
        IOptions<FeatureOptions> features, TimeProvider clock, CancellationToken ct)
    {
        if (!Guid.TryParse(businessId, out var id) || await directory.GetAsync(id, ct) is not { } profile)
        {
            return UnknownBusiness();
        }

        if (!WidgetOrigins.Allows(request, profile.Config.AllowedWidgetOrigins))
        {
            return OriginRefused();
        }

        var plan = Plan(profile, features.Value);
        // A suspended business's widget opens with the polite notice instead of the welcome (the widget needs no change).
        // Both in the business's language; the owner's own welcome as written.
        var suspended = profile.Business.IsSuspended;
        var language = ConversationLanguage.OfBusiness(profile.Config);
        return TypedResults.Ok(new WidgetConfig(id, profile.Business.Name, profile.Config.AgentName,
            suspended ? UnavailableReplies.Chat(profile.Business.Name, language) : AgentPhrases.OwnerOr(profile.Config.WelcomeMessage, AgentPhrase.ChatWelcome, language),
            profile.Config.ColorTheme,
            PlanRules.ShowBranding(plan), PlanRules.Features(plan), profile.Business.TwilioPhoneNumber, suspended)
        {
            // Hours (issue 18): what a visitor can expect now, in the business's zone and language; nothing when not set.
            HoursLine = !suspended && profile.Business.Hours is { IsSet: true } hours ? HoursAnswers.WidgetLine(hours, profile.Business.TimeZone, clock.GetUtcNow(), language) : null,
            OpenNow = !suspended && profile.Business.Hours is { IsSet: true } h ? h.IsOpenAt(clock.GetUtcNow(), BusinessHours.Zone(profile.Business.TimeZone)) : null,
        });
    }

    static async Task<IResult> ChatAsync(ChatRequest request, HttpContext http, BusinessDirectory directory, ConversationService conversations,
        ISessionStore store, ChatRateLimits limits, IOptions<FeatureOptions> features, CancellationToken ct)
    {
        var businessId = Guid.Parse(request.BusinessId!);
        if (await directory.GetAsync(businessId, ct) is not { } profile)
        {
            return UnknownBusiness();
        }

        if (!WidgetOrigins.Allows(http.Request, profile.Config.AllowedWidgetOrigins))
        {
            return OriginRefused();
        }

        if (limits.TryAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", businessId) is { } wait)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem("Too many messages. Please wait a moment and try again.", statusCode: StatusCodes.Status429TooManyRequests, title: "Slow down");
        }

        if (profile.Business.IsSuspended)
        {
            // Paused by the platform: a polite answer (200, so the widget shows it as the agent's reply), no conversation.
            var language = MessageLanguage.OfSentence(request.Message) ?? ConversationLanguage.OfBusiness(profile.Config);
            return TypedResults.Ok(new ChatReply("", UnavailableReplies.Chat(profile.Business.Name, language), LeadPriority.NORMAL, false, false, null,
                PlanRules.ShowBranding(Plan(profile, features.Value)), null, null, Unavailable: true));
        }

        string sessionId;
        if (string.IsNullOrEmpty(request.SessionId))
        {
            // Unguessable, so one visitor cannot read or continue another's conversation.
            sessionId = "chat_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            await conversations.StartAsync(profile, Channel.CHAT, sessionId,
                new Dictionary<string, string> { ["origin"] = Cut(http.Request.Headers.Origin.ToString(), 200), ["userAgent"] = Cut(http.Request.Headers.UserAgent.ToString(), 200) }, null, ct);
        }
        else
        {
            sessionId = request.SessionId;
            var existing = await store.GetAsync(sessionId, ct);
            if (existing is null || existing.BusinessId != businessId)
            {
                return TypedResults.Problem("This conversation has ended or does not exist. Start a new one by sending a message without a sessionId.",
                    statusCode: StatusCodes.Status404NotFound, title: "Unknown session", extensions: new Dictionary<string, object?> { ["code"] = "session_not_found" });
            }

            if (existing.Status != ConversationStatus.ACTIVE)
            {
                return TypedResults.Problem("This conversation has ended. Start a new one by sending a message without a sessionId.",
                    statusCode: StatusCodes.Status410Gone, title: "Conversation ended", extensions: new Dictionary<string, object?> { ["code"] = "session_ended" });
            }
        }

        var outcome = await conversations.TurnAsync(sessionId, request.Message!.Trim(), null, ct);
        if (outcome is null)
        {
            return TypedResults.Problem("This conversation has ended. Start a new one.", statusCode: StatusCodes.Status410Gone, title: "Conversation ended");
        }

        var session = outcome.Result.Session;
        var plan = Plan(profile, features.Value);
        return TypedResults.Ok(new ChatReply(sessionId, outcome.Result.Reply, session.Priority, session.Priority == LeadPriority.URGENT,
            session.LeadCaptured, outcome.LeadId, PlanRules.ShowBranding(plan), outcome.Result.Triage.SafetyScript?.Text,
            session.Priority == LeadPriority.URGENT ? profile.Business.TwilioPhoneNumber : null));
    }

    static PlanTier Plan(BusinessProfile profile, FeatureOptions features) => features.EnablePlanTiers ? profile.Business.PlanTier : PlanTier.PRO;

    static ProblemHttpResult UnknownBusiness() =>
        TypedResults.Problem("No business has this id. Check the data-business-id of the widget's script tag.", statusCode: StatusCodes.Status404NotFound, title: "Unknown business");

    static ProblemHttpResult OriginRefused() =>
        TypedResults.Problem("This website is not in the business's allowed widget origins.", statusCode: StatusCodes.Status403Forbidden, title: "Origin not allowed");

    static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}
