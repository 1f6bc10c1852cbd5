using System.Diagnostics;
using Twilio.TwiML;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Conversations;
using LeadsAgent.Infrastructure.Events;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Sessions;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static LeadsAgent.Infrastructure.Twilio.TwiML;

namespace LeadsAgent.Web.Voice;

/// <summary>
/// The phone agent: Twilio's voice webhooks answered with TwiML. Every endpoint checks Twilio's signature; every
/// answer is a TwiML document, so a caller always hears something sensible, never an error page.
/// </summary>
public static partial class VoiceEndpoints
{
    public static void MapVoice(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/voice/health", HealthAsync).AllowAnonymous();
        var voice = app.MapGroup("/api/voice").AllowAnonymous().DisableAntiforgery()
            .AddEndpointFilter<CallerSafetyNetFilter>().AddEndpointFilter<TwilioSignatureFilter>();
        voice.MapPost("/incoming", IncomingAsync);
        voice.MapPost("/gather", GatherAsync);
        voice.MapPost("/action", ActionAsync);
        voice.MapPost("/status", StatusAsync);
        voice.MapPost("/recording", RecordingAsync);
        voice.MapPost("/owner-dial", OwnerDialAsync);
        voice.MapPost("/call-recording", CallRecordingAsync);
        voice.MapOwnerAlerts();
        voice.MapWarmTransfer();
        voice.MapRelay();
    }

    static IResult Xml(VoiceResponse response) => TypedResults.Text(Render(response), "text/xml", System.Text.Encoding.UTF8);

    static IResult Apology(string? voice = null, string? language = null) => Xml(VoiceAgent.Apology(voice, language));

    static async Task<IResult> IncomingAsync(HttpRequest request, BusinessDirectory directory, VoiceAgent agent, ILogger<ConversationService> logger, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var callSid = form["CallSid"].ToString();
        var to = LeadsAgent.Domain.Common.PhoneNumbers.Normalize(form["To"].ToString()) ?? form["To"].ToString();
        if (callSid.Length is 0 or > 64)
        {
            return Apology();
        }

        var profile = to.Length > 0 ? await directory.FindByTwilioNumberAsync(to, ct) : null;
        if (profile is null)
        {
            LogUnknownNumber(logger, Pii.MaskPhone(to));
            return Xml(Response(Say("Sorry, this number isn't set up to take calls yet. Please check the number and try again. Goodbye."), Hangup()));
        }

        return Xml(await agent.AnswerAsync(profile, callSid, form["From"].ToString(), to, ct, stirVerstat: form["StirVerstat"].ToString()));
    }

    /// <summary>The end of the ring-owner leg of a routed call (the Dial action): the owner took it, or the agent does.</summary>
    static async Task<IResult> OwnerDialAsync(HttpRequest request, VoiceAgent agent, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var callSid = form["CallSid"].ToString();
        if (callSid.Length is 0 or > 64)
        {
            return Apology();
        }

        var reply = await agent.OwnerDialAsync(callSid, form["DialCallStatus"].ToString(), form["CallStatus"].ToString(), ct);
        return reply is null ? Apology() : Xml(reply);
    }

    static async Task<IResult> GatherAsync(HttpRequest request, VoiceAgent agent, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var form = await request.ReadFormAsync(ct);
        var callSid = form["CallSid"].ToString();
        if (callSid.Length is 0 or > 64)
        {
            return Apology();
        }

        var speech = form["SpeechResult"].ToString();
        if (speech.Length == 0 && form["Digits"].ToString() is { Length: > 0 } digits)
        {
            speech = digits;
        }

        var to = LeadsAgent.Domain.Common.PhoneNumbers.Normalize(form["To"].ToString()) ?? form["To"].ToString();
        var reply = await agent.HearAsync(callSid, speech, form["From"].ToString(), to, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ct);
        return reply is null ? Apology() : Xml(reply.Twiml);
    }

    static async Task<IResult> ActionAsync(HttpRequest request, ConversationService conversations, ISessionStore store, BusinessDirectory directory, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var callSid = form["CallSid"].ToString();
        var step = request.Query["step"].ToString();
        var session = callSid.Length is > 0 and <= 64 ? await store.GetAsync(callSid, ct) : null;
        var profile = session is null ? null : await directory.GetAsync(session.BusinessId, ct);
        var (voice, language) = (profile?.Config.TwilioVoice, profile?.Config.TwilioLanguage);
        if (step == "dial")
        {
            var status = form["DialCallStatus"].ToString();
            if (status is "completed" or "answered")
            {
                await conversations.EndAsync(callSid, ConversationStatus.TRANSFERRED, ct);
                return Xml(Response(Hangup()));
            }

            // Nobody picked up: take a voicemail instead of dropping the caller.
            return Xml(Response(Say(AgentPhrases.Say(AgentPhrase.DialNoAnswer, language), voice, language),
                VoiceAgent.Voicemail(), Hangup()));
        }

        if (step == "recorded")
        {
            return Xml(Response(Say(AgentPhrases.Say(AgentPhrase.MessageReceived, language), voice, language), Hangup()));
        }

        return session is null ? Apology() : Xml(Response(Redirect(VoiceAgent.GatherPath, "POST")));
    }

    /// <summary>
    /// Call status callbacks: a final status ends the session once (duplicates and retries change nothing); a call that
    /// never connected is ABANDONED, one that was handed to a person TRANSFERRED.
    /// </summary>
    static async Task<IResult> StatusAsync(HttpRequest request, ConversationService conversations, ISessionStore store, WarmTransferCalls transfers,
        CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var callSid = form["CallSid"].ToString();
        var status = form["CallStatus"].ToString();
        if (callSid.Length is 0 or > 64 || status is not ("completed" or "busy" or "no-answer" or "failed" or "canceled"))
        {
            return TypedResults.NoContent();
        }

        var session = await store.GetAsync(callSid, ct);
        if (session is null)
        {
            return TypedResults.NoContent();
        }

        if (session.Transfer is { InProgress: true, Accepted: false })
        {
            // Gone while the owner's phone rang: the attempt goes on the lead before the call is ended.
            session = await transfers.CallerHungUpAsync(callSid, ct) ?? session;
        }

        var end = session.Status != ConversationStatus.ACTIVE ? session.Status
            : session.Transfer is { Accepted: true } ? ConversationStatus.TRANSFERRED
            : status == "completed" ? (session.LeadCaptured ? ConversationStatus.COMPLETED : ConversationStatus.ABANDONED)
            : ConversationStatus.ABANDONED;
        var metadata = new Dictionary<string, string> { ["callStatus"] = status };
        if (form["CallDuration"].ToString() is { Length: > 0 and < 10 } duration && int.TryParse(duration, out _))
        {
            metadata["callDuration"] = duration;
        }

        await conversations.EndAsync(callSid, end, ct, metadata);
        return TypedResults.NoContent();
    }

    /// <summary>A finished voicemail: the recording goes on the call's lead (a new lead with the caller's number if none).</summary>
    static async Task<IResult> RecordingAsync(HttpRequest request, ISessionStore store, BusinessDirectory directory, LeadRecorder leads,
        IServiceScopeFactory scopes, ILiveEvents events, TimeProvider clock, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var callSid = form["CallSid"].ToString();
        var url = form["RecordingUrl"].ToString();
        if (callSid.Length is 0 or > 64 || form["RecordingStatus"].ToString() is { Length: > 0 } s && s != "completed"
            || !Uri.TryCreate(url, UriKind.Absolute, out var recordingUri) || recordingUri.Scheme != "https" && recordingUri.Scheme != "http" || url.Length > 2000)
        {
            return TypedResults.NoContent();
        }

        var session = await store.GetAsync(callSid, ct);
        var profile = session is null ? null : await directory.GetAsync(session.BusinessId, ct);
        if (session is null || profile is null)
        {
            return TypedResults.NoContent();
        }

        var leadId = session.LeadId;
        if (leadId is null)
        {
            var caller = LeadsAgent.Domain.Common.PhoneNumbers.Normalize(session.Metadata.GetValueOrDefault("from"));
            var draft = new LeadDraft([], null, caller, null, null, "Voicemail left by the caller.", session.Priority < LeadPriority.NORMAL ? LeadPriority.NORMAL : session.Priority,
                [.. session.EmergencyReasons], session.Transcript(), Partial: false, ConversationEngine.TransferAttempts(session));
            var stored = await leads.StoreAsync(profile.Business, draft, Channel.VOICE, callSid, ct);
            leadId = stored.LeadId;
            await store.UpdateAsync(callSid, x =>
            {
                x.LeadId = stored.LeadId;
                x.LeadCaptured = true;
                return Task.FromResult(true);
            }, ct);
            if (stored.Created)
            {
                await events.PublishAsync(LiveEvent.Create(LiveEvent.LeadCaptured, session.BusinessId, callSid, new { leadId, priority = draft.Priority.ToString(), channel = "VOICE" }, clock.GetUtcNow()), ct);
            }
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.DbForBusiness(session.BusinessId);
        await db.Leads.Where(l => l.Id == leadId).ExecuteUpdateAsync(u => u.SetProperty(l => l.RecordingUrl, url).SetProperty(l => l.UpdatedAt, clock.GetUtcNow()), ct);
        return TypedResults.NoContent();
    }

    static async Task<IResult> HealthAsync(IOptions<TwilioOptions> twilio, IOptions<FeatureOptions> features, ISessionStore store, CancellationToken ct)
    {
        var o = twilio.Value;
        var ids = await store.ActiveIdsAsync(ct);
        var calls = 0;
        foreach (var id in ids.Where(i => i.StartsWith("CA", StringComparison.Ordinal)))
        {
            calls += await store.GetAsync(id, ct) is { Channel: Channel.VOICE, Status: ConversationStatus.ACTIVE } ? 1 : 0;
        }

        return TypedResults.Ok(new
        {
            status = o.IsConfigured && !string.IsNullOrEmpty(o.WebhookBaseUrl) ? "healthy" : "not configured",
            twilio = new { accountConfigured = o.IsConfigured, webhookBaseUrl = o.WebhookBaseUrl, apiBaseUrl = o.ApiBaseUrl },
            voiceFeatures = features.Value.EnableVoiceFeatures,
            emergencyVoiceCalls = features.Value.EnableEmergencyVoiceCalls,
            activeCalls = calls,
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A call came in for {Number}, which no business uses")]
    private static partial void LogUnknownNumber(ILogger logger, string number);
}
