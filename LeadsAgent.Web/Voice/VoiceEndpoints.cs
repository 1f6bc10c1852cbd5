using System.Diagnostics;
using System.Xml.Linq;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Conversations;
using LeadsAgent.Infrastructure.Events;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Sessions;
using LeadsAgent.Infrastructure.Twilio;
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
    const string Gather = "/api/voice/gather";
    const string Action = "/api/voice/action";
    const string Recording = "/api/voice/recording";
    const int SpeechTimeoutSeconds = 2;

    public static void MapVoice(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/voice/health", HealthAsync).AllowAnonymous();
        var voice = app.MapGroup("/api/voice").AllowAnonymous().DisableAntiforgery().AddEndpointFilter<TwilioSignatureFilter>();
        voice.MapPost("/incoming", IncomingAsync);
        voice.MapPost("/gather", GatherAsync);
        voice.MapPost("/action", ActionAsync);
        voice.MapPost("/status", StatusAsync);
        voice.MapPost("/recording", RecordingAsync);
        voice.MapOwnerAlerts();
    }

    static IResult Xml(XElement response) => TypedResults.Text(Render(response), "text/xml", System.Text.Encoding.UTF8);

    /// <summary>Said when something is wrong with the request itself: an apology and a safe next step.</summary>
    static IResult Apology(string? voice = null, string? language = null) => Xml(Response(
        Say("Sorry, we couldn't take your call just now. If this is an emergency, please hang up and call 911. Otherwise, please call us again in a few minutes.", voice, language),
        Hangup()));

    static async Task<IResult> IncomingAsync(HttpRequest request, BusinessDirectory directory, ConversationService conversations,
        IOptions<FeatureOptions> features, ILogger<ConversationService> logger, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var callSid = form["CallSid"].ToString();
        var to = PhoneNumbers.Normalize(form["To"].ToString()) ?? form["To"].ToString();
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

        var (business, config) = (profile.Business, profile.Config);
        var from = form["From"].ToString();
        var metadata = new Dictionary<string, string> { ["callSid"] = callSid, ["from"] = PhoneNumbers.Normalize(from) ?? from, ["to"] = to };
        var plan = features.Value.EnablePlanTiers ? business.PlanTier : PlanTier.PRO;
        if (!features.Value.EnableVoiceFeatures || !PlanRules.Allows(plan, PlanFeature.VoiceAgent))
        {
            // No phone agent on this plan: tell the caller how to reach the business and take a voicemail.
            metadata["mode"] = "voicemail";
            await conversations.StartAsync(profile, Channel.VOICE, callSid, metadata, from, ct);
            var reach = business.NotificationPhoneNumber is { } n ? $" You can also reach us at {ReplyShaper.ReadPhone(n)}." : "";
            return Xml(Response(
                Say($"Thanks for calling {business.Name}. Our phone assistant isn't available on this line.{reach} If this is an emergency, hang up and call 911. Otherwise, please leave your name, number and a short message after the tone."),
                Voicemail(),
                Say("We didn't get a message. Please call again. Goodbye."),
                Hangup()));
        }

        var (_, greeting) = await conversations.StartAsync(profile, Channel.VOICE, callSid, metadata, from, ct);
        var spoken = greeting?.Spoken ?? ReplyShaper.ForVoice(new ReplyParts(null, null, config.VoiceGreetingMessage ?? AgentConfig.DefaultVoiceGreeting, null), config.TwilioVoice, false);
        return Xml(Response(GatherWith(spoken, profile), Redirect(Gather, "POST")));
    }

    static async Task<IResult> GatherAsync(HttpRequest request, ConversationService conversations, BusinessDirectory directory, ISessionStore store,
        TimeProvider clock, CancellationToken ct)
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

        var outcome = await conversations.TurnAsync(callSid, speech.Length > ConversationEngine.MaxMessageLength ? speech[..ConversationEngine.MaxMessageLength] : speech,
            form["From"].ToString(), ct, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        BusinessProfile? profile;
        if (outcome is null)
        {
            // The session is gone (expired, or a call we never saw start): start again politely rather than hang up.
            var to = PhoneNumbers.Normalize(form["To"].ToString()) ?? form["To"].ToString();
            profile = to.Length > 0 ? await directory.FindByTwilioNumberAsync(to, ct) : null;
            if (profile is null)
            {
                return Apology();
            }

            var from = form["From"].ToString();
            await conversations.StartAsync(profile, Channel.VOICE, callSid,
                new Dictionary<string, string> { ["callSid"] = callSid, ["from"] = PhoneNumbers.Normalize(from) ?? from, ["to"] = to }, from, ct);
            outcome = speech.Length > 0 ? await conversations.TurnAsync(callSid, speech, from, ct) : null;
            if (outcome is null)
            {
                var restart = ReplyShaper.ForVoice(new ReplyParts(null, "Sorry, I lost track of our conversation.", null, "How can I help you?"), profile.Config.TwilioVoice, false);
                return Xml(Response(GatherWith(restart, profile), Redirect(Gather, "POST")));
            }
        }
        else
        {
            profile = await directory.GetAsync(outcome.Result.Session.BusinessId, ct);
            if (profile is null)
            {
                return Apology();
            }
        }

        return Xml(Respond(outcome.Result, profile));
    }

    /// <summary>The TwiML for the engine's decision.</summary>
    static XElement Respond(TurnResult result, BusinessProfile profile)
    {
        var (business, config) = (profile.Business, profile.Config);
        var say = Say(result.Spoken, config.TwilioVoice, config.TwilioLanguage);
        switch (result.Action)
        {
            case VoiceAction.HANGUP:
                return Response(say, Hangup());
            case VoiceAction.TRANSFER:
                var number = business.NotificationPhoneNumber ?? business.BackupPhoneNumber;
                if (number is null)
                {
                    return Response(say, Say("I'm sorry, no one can take the call right now. Please leave your name, number and message after the tone, and we'll call you back.",
                        config.TwilioVoice, config.TwilioLanguage), Voicemail(), Hangup());
                }

                // No answer falls back to voicemail through the Dial action.
                return Response(say, Dial(new DialOptions(Action + "?step=dial", "POST", 20, business.TwilioPhoneNumber), Number(number)));
            case VoiceAction.VOICEMAIL:
                return Response(say, Voicemail(), Say("We didn't get a message. Goodbye.", config.TwilioVoice, config.TwilioLanguage), Hangup());
            default:
                return Response(GatherWith(result.Spoken, profile), Redirect(Gather, "POST"));
        }
    }

    static XElement GatherWith(SpokenReply spoken, BusinessProfile profile)
    {
        var config = profile.Config;
        return TwiML.Gather(new GatherOptions(Input: "speech", Action: Gather, Method: "POST", SpeechTimeout: SpeechTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Language: config.TwilioLanguage, Hints: Hints(profile), ActionOnEmptyResult: true, SpeechModel: "phone_call", Enhanced: true),
            Say(spoken, config.TwilioVoice, config.TwilioLanguage));
    }

    static XElement Voicemail() => Record(new RecordOptions(Action: Action + "?step=recorded", Method: "POST", Timeout: 5, MaxLength: 120, PlayBeep: true,
        RecordingStatusCallback: Recording, RecordingStatusCallbackMethod: "POST", RecordingStatusCallbackEvent: "completed"));

    /// <summary>Words the recogniser should expect: the trade's emergencies, the business's name and its question words.</summary>
    static string Hints(BusinessProfile profile)
    {
        var words = new List<string> { profile.Business.Name, "emergency", "gas leak", "burst pipe", "flooding", "no heat", "carbon monoxide", "estimate", "appointment" };
        words.AddRange(profile.Config.ExtraEmergencyKeywords);
        words.AddRange(profile.KnowledgeTitles.Where(t => t.Length <= 40));
        return string.Join(", ", words.Select(w => w.Replace(",", " ", StringComparison.Ordinal)).Distinct().Take(50));
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
            return Xml(Response(Say("Sorry, no one could take your call. Please leave your name, number and message after the tone, and we'll call you back.", voice, language),
                Voicemail(), Hangup()));
        }

        if (step == "recorded")
        {
            return Xml(Response(Say("Thank you, we got your message and will call you back soon. Goodbye.", voice, language), Hangup()));
        }

        return session is null ? Apology() : Xml(Response(Redirect(Gather, "POST")));
    }

    /// <summary>
    /// Call status callbacks: a final status ends the session once (duplicates and retries change nothing); a call that
    /// never connected is ABANDONED, one that was handed to a person TRANSFERRED.
    /// </summary>
    static async Task<IResult> StatusAsync(HttpRequest request, ConversationService conversations, ISessionStore store, CancellationToken ct)
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

        var end = session.Status != ConversationStatus.ACTIVE ? session.Status
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
            var caller = PhoneNumbers.Normalize(session.Metadata.GetValueOrDefault("from"));
            var draft = new LeadDraft([], null, caller, null, null, "Voicemail left by the caller.", session.Priority < LeadPriority.NORMAL ? LeadPriority.NORMAL : session.Priority,
                [.. session.EmergencyReasons], session.Transcript(), Partial: false);
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
        var db = scope.ServiceProvider.GetRequiredService<LeadsDbContext>();
        await db.Leads.IgnoreQueryFilters().Where(l => l.Id == leadId).ExecuteUpdateAsync(u => u.SetProperty(l => l.RecordingUrl, url).SetProperty(l => l.UpdatedAt, clock.GetUtcNow()), ct);
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
