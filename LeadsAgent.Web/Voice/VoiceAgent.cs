using LeadsAgent.Domain.Blocking;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Blocking;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Conversations;
using LeadsAgent.Infrastructure.Sessions;
using LeadsAgent.Infrastructure.Twilio;
using Microsoft.Extensions.Options;
using VoiceResponse = Twilio.TwiML.VoiceResponse;
using SdkTwiML = Twilio.TwiML.TwiML;
using static LeadsAgent.Infrastructure.Twilio.TwiML;

namespace LeadsAgent.Web.Voice;

/// <summary>What the phone agent answers to one webhook: the TwiML, and the turn behind it when there was one.</summary>
public sealed record VoiceReply(VoiceResponse Twiml, TurnOutcome? Turn);

/// <summary>One turn of a call: the business, the engine's outcome (none for a restart or a blocked caller), what to say and what next.</summary>
public sealed record HeardTurn(BusinessProfile Profile, TurnOutcome? Outcome, SpokenReply Spoken, VoiceAction Action);

/// <summary>
/// The phone agent's decisions as TwiML: answering a call and hearing each thing the caller says. The Twilio webhooks
/// and the owner's call simulator both run through here, so the simulator shows exactly what a caller would get.
/// </summary>
public sealed class VoiceAgent(ConversationService conversations, BusinessDirectory directory, IOptions<FeatureOptions> features, CallerBlockList blockList,
    ISessionStore store, TimeProvider clock, IOptions<TwilioOptions> twilio)
{
    public const string RelayPath = "/api/voice/relay";
    public const string RelayActionPath = "/api/voice/relay-action";
    public const string GatherPath = "/api/voice/gather";
    public const string ActionPath = "/api/voice/action";
    public const string RecordingPath = "/api/voice/recording";
    public const string OwnerDialPath = "/api/voice/owner-dial";

    /// <summary>Session metadata naming who answered a routed call ("owner"): such a call leaves no lead.</summary>
    public const string AnsweredByKey = ConversationService.AnsweredByKey;
    public const string CallRecordingPath = "/api/voice/call-recording";
    const int SpeechTimeoutSeconds = 2;

    /// <summary>Said when something is wrong with the request itself: an apology and a safe next step, in the business's language when known.</summary>
    public static VoiceResponse Apology(string? voice = null, string? language = null) => Response(
        Say(AgentPhrases.Say(AgentPhrase.CallApology, language), voice, language),
        Hangup());

    /// <summary>A new call for a business: the greeting and the first listen, or a voicemail when the plan has no phone agent.</summary>
    /// <remarks>
    /// A caller on the business's or the platform's block list hears one sentence and is hung up on, before anything
    /// else: no session, conversation, lead, alert, text, summary or webhook. <paramref name="stirVerstat"/> is Twilio's
    /// STIR/SHAKEN verdict on the caller ID, for call screening.
    /// </remarks>
    /// <param name="routeAt">The instant the routing rules are evaluated at (the simulator plays "during hours"); now when null.</param>
    public async Task<VoiceResponse> AnswerAsync(BusinessProfile profile, string callSid, string from, string to, CancellationToken ct, bool simulated = false,
        string? stirVerstat = null, DateTimeOffset? routeAt = null)
    {
        var (business, config) = (profile.Business, profile.Config);
        // Everything said on a call is in the business's language, by a voice that speaks it (the language attribute).
        var (voice, language) = (config.TwilioVoice, config.TwilioLanguage);
        if (await blockList.CheckAsync(business.Id, from, ct, count: !simulated) is not null)
        {
            return Response(Say(AgentPhrases.Say(AgentPhrase.BlockedCaller, language, ("business", business.Name)), voice, language), Hangup());
        }

        var metadata = new Dictionary<string, string> { ["callSid"] = callSid, ["from"] = Domain.Common.PhoneNumbers.Normalize(from) ?? from, ["to"] = to };
        var plan = features.Value.EnablePlanTiers ? business.PlanTier : PlanTier.PRO;
        if (business.IsSuspended)
        {
            // Paused by the platform: a polite message, and the call still becomes a voicemail lead (RecordingAsync).
            metadata["mode"] = "voicemail";
            metadata["suspended"] = "true";
            await conversations.StartAsync(profile, Channel.VOICE, callSid, metadata, from, ct, simulated);
            return Response(Say(UnavailableReplies.Voice(business.Name, language), voice, language), Voicemail(),
                Say(AgentPhrases.Say(AgentPhrase.NoMessageCallAgainLater, language), voice, language), Hangup());
        }

        if (CallerScreening.Screen(from, stirVerstat, config.ScreenNoCallerId, config.ScreenFailedStir) is { } screened)
        {
            // Call screening: a hidden or unverified caller ID goes to voicemail; a real message still becomes a lead (RecordingAsync).
            metadata["mode"] = "voicemail";
            metadata["screened"] = screened == ScreenReason.NO_CALLER_ID ? "no-caller-id" : "failed-stir";
            await conversations.StartAsync(profile, Channel.VOICE, callSid, metadata, from, ct, simulated);
            return Response(Say(AgentPhrases.Say(AgentPhrase.ScreenedVoicemail, language, ("business", business.Name)), voice, language), Voicemail(),
                Say(AgentPhrases.Say(AgentPhrase.NoMessageCallAgain, language), voice, language), Hangup());
        }

        // Routing (issue 18): the owner's phone rings first (always, or while the business is open) when the plan
        // allows it and there is a phone to ring; what the owner misses comes back to OwnerDialAsync.
        if (CallRoutingRules.Route(config.CallRouting, plan, business.NotificationPhoneNumber, business.Hours, business.TimeZone, routeAt ?? clock.GetUtcNow()) == RouteTarget.RingOwner)
        {
            metadata["mode"] = "ring-owner";
            metadata["routing"] = config.CallRouting.ToString();
            await conversations.StartAsync(profile, Channel.VOICE, callSid, metadata, from, ct, simulated, greet: false);
            return RingOwner(profile);
        }

        return await TakeCallAsync(profile, callSid, metadata, from, plan, ct, simulated);
    }

    /// <summary>The owner's phone rings with the business's number as caller ID; the outcome is posted to <see cref="OwnerDialPath"/>.</summary>
    public static VoiceResponse RingOwner(BusinessProfile profile) => Response(
        Dial(new DialOptions(OwnerDialPath, "POST", Math.Clamp(profile.Config.RingOwnerSeconds, CallRoutingRules.MinRingSeconds, CallRoutingRules.MaxRingSeconds),
            profile.Business.TwilioPhoneNumber, AnswerOnBridge: true), Number(profile.Business.NotificationPhoneNumber!)));

    /// <summary>
    /// The end of the ring-owner leg (Twilio's Dial action). The owner took the call ("completed"): it is recorded as
    /// answered by the owner, with no lead. Missed, busy, declined or failed: the agent greets the caller in the same
    /// session, or a voicemail is taken when the plan has no phone agent. Null when the call is unknown.
    /// </summary>
    public async Task<VoiceResponse?> OwnerDialAsync(string callSid, string dialStatus, string callStatus, CancellationToken ct)
    {
        var session = await store.GetAsync(callSid, ct);
        var profile = session is null ? null : await directory.GetAsync(session.BusinessId, ct);
        if (session is null || profile is null)
        {
            return null;
        }

        if (session.Status != ConversationStatus.ACTIVE)
        {
            return Response(Hangup());
        }

        var answered = dialStatus is "completed" or "answered";
        // On the conversation's flow (its analytics), so the dashboard shows the owner's phone rang and who took the call.
        await store.UpdateAsync(callSid, s =>
        {
            s.DetailedFlow.CompletedSteps.Add("rang_owner");
            s.DetailedFlow.CompletedSteps.Add(answered ? "owner_answered" : "owner_missed");
            return Task.FromResult(true);
        }, ct);
        if (answered)
        {
            await conversations.EndAsync(callSid, ConversationStatus.TRANSFERRED, ct, new Dictionary<string, string> { [AnsweredByKey] = "owner", ["ownerDialStatus"] = dialStatus });
            return Response(Hangup());
        }

        var metadata = new Dictionary<string, string>(session.Metadata) { ["ownerDialStatus"] = dialStatus is { Length: > 0 and <= 20 } ? dialStatus : "no-answer" };
        if (callStatus == "completed")
        {
            // The caller hung up while the owner's phone rang: a missed call, nothing more to say.
            await conversations.EndAsync(callSid, ConversationStatus.ABANDONED, ct, metadata);
            return Response(Hangup());
        }

        await store.UpdateAsync(callSid, s =>
        {
            s.Metadata["ownerDialStatus"] = metadata["ownerDialStatus"];
            return Task.FromResult(true);
        }, ct);
        var plan = features.Value.EnablePlanTiers ? profile.Business.PlanTier : PlanTier.PRO;
        return await TakeCallAsync(profile, callSid, metadata, metadata.GetValueOrDefault("from") ?? "", plan, ct, session.Simulated);
    }

    /// <summary>The agent (or, without a phone agent on the plan, a voicemail) takes the call.</summary>
    async Task<VoiceResponse> TakeCallAsync(BusinessProfile profile, string callSid, Dictionary<string, string> metadata, string from, PlanTier plan,
        CancellationToken ct, bool simulated)
    {
        var (business, config) = (profile.Business, profile.Config);
        var (voice, language) = (config.TwilioVoice, config.TwilioLanguage);
        if (!features.Value.EnableVoiceFeatures || !PlanRules.Allows(plan, PlanFeature.VoiceAgent))
        {
            // No phone agent on this plan: tell the caller how to reach the business and take a voicemail.
            metadata["mode"] = "voicemail";
            await conversations.StartAsync(profile, Channel.VOICE, callSid, metadata, from, ct, simulated);
            var reach = business.NotificationPhoneNumber is { } n ? " " + AgentPhrases.Say(AgentPhrase.ReachUsAt, language, ("phone", ReplyShaper.ReadPhone(n))) : "";
            return Response(
                Say(AgentPhrases.Say(AgentPhrase.NoAgentIntro, language, ("business", business.Name)) + reach + " " + AgentPhrases.Say(AgentPhrase.NoAgentLeaveMessage, language), voice, language),
                Voicemail(),
                Say(AgentPhrases.Say(AgentPhrase.NoMessageCallAgain, language), voice, language),
                Hangup());
        }

        var relayUrl = simulated ? null : RelayUrl(config, plan);
        if (relayUrl is not null)
        {
            metadata[RelayCalls.ModeKey] = RelayCalls.RelayMode;
        }

        var (_, greeting) = await conversations.StartAsync(profile, Channel.VOICE, callSid, metadata, from, ct, simulated);
        var spoken = greeting?.Spoken ?? ReplyShaper.ForVoice(new ReplyParts(null, null, null, AgentPhrases.OwnerOr(config.VoiceGreetingMessage, AgentPhrase.VoiceGreeting, language)),
            voice, false, language);
        // The relay speaks the greeting itself (welcomeGreeting); with Gather it is the first <Say> of the first listen.
        SdkTwiML listen = relayUrl is not null ? Relay(profile, spoken.PlainText, relayUrl) : GatherWith(spoken, profile);
        SdkTwiML[] after = relayUrl is not null ? [] : [Redirect(GatherPath, "POST")];
        if (RecordsCalls(business, plan))
        {
            // Recording on (PRO, the owner's choice): the caller hears the notice before anything is recorded.
            return Response([Say(AgentPhrases.Say(AgentPhrase.RecordingNotice, language), voice, language), StartRecording(CallRecordingPath), listen, .. after]);
        }

        return Response([listen, .. after]);
    }

    /// <summary>
    /// The relay's WebSocket address when this business's calls stream (RELAY mode on a plan with voice configuration,
    /// PRO) and the public base URL is known; null means Gather, which is also the fallback for everyone else.
    /// </summary>
    string? RelayUrl(AgentConfig config, PlanTier plan)
    {
        if (config.VoiceMode != VoiceMode.RELAY || !PlanRules.Allows(plan, PlanFeature.VoiceConfiguration)
            || !Uri.TryCreate(twilio.Value.WebhookBaseUrl, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("https" or "http"))
        {
            return null;
        }

        // Twilio connects to the wss:// form of the same host; it signs the upgrade over exactly this URL.
        var scheme = baseUri.Scheme == "https" ? "wss" : "ws";
        return $"{scheme}://{baseUri.Authority}{baseUri.AbsolutePath.TrimEnd('/')}{RelayPath}";
    }

    /// <summary>&lt;Connect&gt;&lt;ConversationRelay&gt; with the business's voice, language and speech hints; the caller may talk over the agent.</summary>
    public static Twilio.TwiML.Voice.Connect Relay(BusinessProfile profile, string welcomeGreeting, string relayUrl)
    {
        var config = profile.Config;
        var (provider, voice) = RelayCalls.RelayVoice(config.TwilioVoice);
        return ConversationRelay(new RelayOptions(relayUrl, RelayActionPath, welcomeGreeting, config.TwilioLanguage, provider, voice, Hints(profile)));
    }

    /// <summary>Whether a business's calls are recorded: the owner turned it on and the plan has it.</summary>
    public static bool RecordsCalls(Business business, PlanTier plan) => business.CallRecording && PlanRules.Allows(plan, PlanFeature.CallRecording);

    /// <summary>
    /// What the caller said (empty for silence) in, the agent's answer out. A call whose session is gone (expired, or
    /// never seen starting) starts again politely rather than hanging up; null when there is no business to answer for.
    /// </summary>
    public async Task<VoiceReply?> HearAsync(string callSid, string speech, string from, string to, double elapsedMs, CancellationToken ct, IReplySink? sink = null)
    {
        var heard = await TurnAsync(callSid, speech, from, to, elapsedMs, ct, sink: sink);
        return heard switch
        {
            null => null,
            { Outcome: { } outcome } => new VoiceReply(Respond(outcome.Result, heard.Profile), outcome),
            { Action: VoiceAction.HANGUP } => new VoiceReply(Response(Say(heard.Spoken.PlainText, heard.Profile.Config.TwilioVoice, heard.Profile.Config.TwilioLanguage), Hangup()), null),
            _ => new VoiceReply(Listen(heard.Spoken, heard.Profile), null),
        };
    }

    /// <summary>
    /// One turn of a call, whichever way Twilio talks with us (Gather webhooks or the ConversationRelay socket): the
    /// engine's turn, or for a call whose session is gone a polite restart (a blocked caller is told and hung up on).
    /// <paramref name="decided"/> runs as soon as the engine's decision is saved, before the lead and events, so a
    /// streaming caller hears the reply without waiting for them.
    /// </summary>
    public async Task<HeardTurn?> TurnAsync(string callSid, string speech, string from, string to, double elapsedMs, CancellationToken ct,
        Func<TurnResult, CancellationToken, Task>? decided = null, IReplySink? sink = null)
    {
        var text = speech.Length > ConversationEngine.MaxMessageLength ? speech[..ConversationEngine.MaxMessageLength] : speech;
        var outcome = await conversations.TurnAsync(callSid, text, from, ct, elapsedMs, decided, sink);
        if (outcome is not null)
        {
            return await directory.GetAsync(outcome.Result.Session.BusinessId, ct) is { } known ? new HeardTurn(known, outcome, outcome.Result.Spoken, outcome.Result.Action) : null;
        }

        var profile = to.Length > 0 ? await directory.FindByTwilioNumberAsync(to, ct) : null;
        if (profile is null)
        {
            return null;
        }

        var (voice, language) = (profile.Config.TwilioVoice, profile.Config.TwilioLanguage);
        if (await blockList.CheckAsync(profile.Business.Id, from, ct) is not null)
        {
            // Blocked while the call was going on and its session expired: the call does not start again.
            return new HeardTurn(profile, null, Plain(AgentPhrases.Say(AgentPhrase.BlockedCaller, language, ("business", profile.Business.Name))), VoiceAction.HANGUP);
        }

        await conversations.StartAsync(profile, Channel.VOICE, callSid,
            new Dictionary<string, string> { ["callSid"] = callSid, ["from"] = Domain.Common.PhoneNumbers.Normalize(from) ?? from, ["to"] = to }, from, ct);
        outcome = text.Length > 0 ? await conversations.TurnAsync(callSid, text, from, ct, decided: decided, sink: sink) : null;
        if (outcome is null)
        {
            var restart = ReplyShaper.ForVoice(new ReplyParts(null, AgentPhrases.Say(AgentPhrase.LostTrack, language), null, AgentPhrases.Say(AgentPhrase.HowCanIHelp, language)),
                voice, false, language);
            return new HeardTurn(profile, null, restart, VoiceAction.CONTINUE);
        }

        return new HeardTurn(profile, outcome, outcome.Result.Spoken, outcome.Result.Action);

        static SpokenReply Plain(string text) => new(text, [new SpeechText(text)], false);
    }

    /// <summary>The TwiML for the engine's decision.</summary>
    static VoiceResponse Respond(TurnResult result, BusinessProfile profile) => result.Action == VoiceAction.CONTINUE
        ? Response(GatherWith(result.Spoken, profile), Redirect(GatherPath, "POST"))
        : Handoff(result.Action, Say(result.Spoken, profile.Config.TwilioVoice, profile.Config.TwilioLanguage), profile, result.Session.SessionId);

    /// <summary>
    /// How a call leaves the conversation (hang up, transfer to the owner, voicemail) after <paramref name="say"/>: the
    /// end of a Gather turn, and what the relay's action URL answers when the socket handed the call back.
    /// </summary>
    public static VoiceResponse Handoff(VoiceAction action, Twilio.TwiML.Voice.Say say, BusinessProfile profile, string callSid)
    {
        var (business, config) = (profile.Business, profile.Config);
        switch (action)
        {
            case VoiceAction.TRANSFER:
                // A warm transfer to the owner's phone for alerts (the engine transfers only when there is one): the
                // owner hears a whisper first, and a transfer not taken brings the caller back (WarmTransferCalls).
                if (business.NotificationPhoneNumber is not { } owner)
                {
                    return Response(Say(AgentPhrases.Say(AgentPhrase.NoOneAvailable, config.TwilioLanguage), config.TwilioVoice, config.TwilioLanguage), Voicemail(), Hangup());
                }

                return WarmTransferCalls.DialOwner(callSid, business, say, owner);
            case VoiceAction.VOICEMAIL:
                return Response(say, Voicemail(), Say(AgentPhrases.Say(AgentPhrase.NoMessageGoodbye, config.TwilioLanguage), config.TwilioVoice, config.TwilioLanguage), Hangup());
            default:
                return Response(say, Hangup());
        }
    }

    /// <summary>Says this and listens for the caller's answer (what most turns of a call look like).</summary>
    public static VoiceResponse Listen(SpokenReply spoken, BusinessProfile profile) => Response(GatherWith(spoken, profile), Redirect(GatherPath, "POST"));

    static Twilio.TwiML.Voice.Gather GatherWith(SpokenReply spoken, BusinessProfile profile)
    {
        var config = profile.Config;
        return TwiML.Gather(new GatherOptions(Input: "speech", Action: GatherPath, Method: "POST", SpeechTimeout: SpeechTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Language: config.TwilioLanguage, Hints: Hints(profile), ActionOnEmptyResult: true, SpeechModel: "phone_call", Enhanced: true),
            Say(spoken, config.TwilioVoice, config.TwilioLanguage));
    }

    public static Twilio.TwiML.Voice.Record Voicemail() => Record(new RecordOptions(Action: ActionPath + "?step=recorded", Method: "POST", Timeout: 5, MaxLength: 120, PlayBeep: true,
        RecordingStatusCallback: RecordingPath, RecordingStatusCallbackMethod: "POST", RecordingStatusCallbackEvent: "completed"));

    // Twilio's hints only help in the language the recogniser listens for, so they are the call's language's words.
    static readonly Dictionary<string, string[]> s_hints = new()
    {
        ["en"] = ["emergency", "gas leak", "burst pipe", "flooding", "no heat", "carbon monoxide", "estimate", "appointment"],
        ["es"] = ["emergencia", "fuga de gas", "tubería rota", "inundación", "sin calefacción", "monóxido de carbono", "cotización", "cita"],
        ["fr"] = ["urgence", "fuite de gaz", "tuyau éclaté", "inondation", "pas de chauffage", "monoxyde de carbone", "devis", "rendez-vous"],
        ["de"] = ["Notfall", "Gasleck", "Rohrbruch", "Überschwemmung", "keine Heizung", "Kohlenmonoxid", "Angebot", "Termin"],
        ["it"] = ["emergenza", "fuga di gas", "tubo rotto", "allagamento", "niente riscaldamento", "monossido di carbonio", "preventivo", "appuntamento"],
        ["pt"] = ["emergência", "vazamento de gás", "cano estourado", "alagamento", "sem aquecimento", "monóxido de carbono", "orçamento", "agendamento"],
    };

    /// <summary>Words the recogniser should expect: the trade's emergencies in the call's language, the business's name and its question words.</summary>
    static string Hints(BusinessProfile profile)
    {
        var words = new List<string> { profile.Business.Name };
        words.AddRange(s_hints[ConversationLanguage.OfBusiness(profile.Config)]);
        words.AddRange(profile.Config.ExtraEmergencyKeywords);
        words.AddRange(profile.KnowledgeTitles.Where(t => t.Length <= 40));
        return string.Join(", ", words.Select(w => w.Replace(",", " ", StringComparison.Ordinal)).Distinct().Take(50));
    }
}
