using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Conversations;
using LeadsAgent.Infrastructure.Sessions;
using LeadsAgent.Infrastructure.Tenancy;
using LeadsAgent.Infrastructure.Twilio;
using Microsoft.EntityFrameworkCore;
using VoiceResponse = Twilio.TwiML.VoiceResponse;
using static LeadsAgent.Infrastructure.Twilio.TwiML;

namespace LeadsAgent.Web.Voice;

/// <summary>
/// A warm transfer to the owner, on both legs of the call. The caller's leg dials the owner's phone with a whisper URL;
/// Twilio runs the whisper on the owner's leg before bridging (press 1 accepts, anything else sends the caller back);
/// the dial result on the caller's leg either ends the conversation as transferred or brings the caller back to the
/// agent, who offers a voicemail or a call-back. The session holds the transfer, so repeated callbacks change nothing,
/// and the attempt is recorded on the call's lead. The call simulator runs the same code on a simulated session.
/// </summary>
public sealed class WarmTransferCalls(ISessionStore store, BusinessDirectory directory, ConversationEngine engine, ConversationService conversations,
    IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string WhisperPath = "/api/voice/whisper";
    public const string WhisperAnswerPath = "/api/voice/whisper-answer";
    public const string ResultPath = "/api/voice/transfer-result";
    const int RingSeconds = 20;
    const int WhisperKeySeconds = 8;

    /// <summary>The caller's TwiML when the agent transfers: the hold line, then the owner's phone with the whisper.</summary>
    public static VoiceResponse DialOwner(string callSid, Domain.Businesses.Business business, Twilio.TwiML.Voice.Say holdLine, string ownerPhone) => Response(
        holdLine,
        TwiML.Dial(new DialOptions(ResultPath, "POST", RingSeconds, business.TwilioPhoneNumber),
            Number(ownerPhone, $"{WhisperPath}?call={Uri.EscapeDataString(callSid)}", "POST")));

    /// <summary>
    /// What the owner hears on picking up: who is calling and about what, then press 1. A call that is no longer
    /// waiting for them (hung up, already handled, not a transfer) gets a short goodbye.
    /// </summary>
    public async Task<VoiceResponse> WhisperAsync(string callSid, CancellationToken ct)
    {
        var session = await store.UpdateAsync(callSid, s =>
        {
            if (!Waiting(s) || s.Transfer!.OwnerAnswered)
            {
                return Task.FromResult(false);
            }

            s.Transfer.OwnerAnswered = true;
            return Task.FromResult(true);
        }, ct);
        var profile = session is null ? null : await directory.GetAsync(session.BusinessId, ct);
        if (session is null || profile is null || !Waiting(session))
        {
            return Gone(profile);
        }

        var (voice, language) = (profile.Config.TwilioVoice, profile.Config.TwilioLanguage);
        var answer = $"{WhisperAnswerPath}?call={Uri.EscapeDataString(callSid)}";
        return Response(
            Gather(new GatherOptions(Input: "dtmf", Action: answer, Method: "POST", Timeout: WhisperKeySeconds, NumDigits: 1),
                Say(Whisper(session, profile), voice, language)),
            Say(AgentPhrases.Say(AgentPhrase.WhisperNoKey, language), voice, language),
            Hangup());
    }

    /// <summary>The owner's key on the whisper: 1 accepts (an empty response lets Twilio bridge the call), anything else declines.</summary>
    public async Task<VoiceResponse> WhisperAnswerAsync(string callSid, string digits, CancellationToken ct)
    {
        var accepted = digits == "1";
        var session = await store.UpdateAsync(callSid, s =>
        {
            if (!Waiting(s) || s.Transfer!.Accepted == accepted)
            {
                return Task.FromResult(false);
            }

            s.Transfer.Accepted = accepted;
            s.Transfer.OwnerAnswered = true;
            return Task.FromResult(true);
        }, ct);
        if (session is null || !Waiting(session))
        {
            return Gone(session is null ? null : await directory.GetAsync(session.BusinessId, ct));
        }

        return accepted ? Response() : Response(Hangup());
    }

    /// <summary>
    /// The dial result on the caller's leg. Connected (the owner pressed 1 and Twilio reports the call completed): the
    /// conversation ends as transferred. Anything else: the caller is back with the agent. A repeated callback returns
    /// the same answer and records nothing twice.
    /// </summary>
    public async Task<VoiceResponse?> ResultAsync(string callSid, string dialStatus, CancellationToken ct)
    {
        var first = false;
        var session = await store.UpdateAsync(callSid, s =>
        {
            first = false;
            // Recorded even when the call's status callback ended the session first (the caller hung up while talking to
            // the owner): the attempt still belongs on the lead.
            if (s.Transfer is not { InProgress: true } t)
            {
                return Task.FromResult(false);
            }

            t.Outcome = OutcomeOf(dialStatus, t);
            t.FinishedAt = clock.GetUtcNow();
            first = true;
            return Task.FromResult(true);
        }, ct);
        var profile = session is null ? null : await directory.GetAsync(session.BusinessId, ct);
        if (session is null || profile is null)
        {
            return null;
        }

        var (voice, language) = (profile.Config.TwilioVoice, profile.Config.TwilioLanguage);
        if (session.Status != ConversationStatus.ACTIVE && first && !session.Simulated && session.Transfer?.Outcome is not TransferOutcome.CONNECTED)
        {
            await RecordOnLeadAsync(session, ct);
            return Response(Hangup());
        }

        if (session.Transfer?.Outcome is TransferOutcome.CONNECTED || session.Status == ConversationStatus.TRANSFERRED)
        {
            if (first && !session.Simulated)
            {
                await RecordOnLeadAsync(session, ct);
                // Ending stores a lead for the call (the caller's number at least) that carries the transfer.
                await conversations.EndAsync(callSid, ConversationStatus.TRANSFERRED, ct,
                    new Dictionary<string, string> { ["transfer"] = nameof(TransferOutcome.CONNECTED) });
            }

            return Response(Hangup());
        }

        if (session.Status != ConversationStatus.ACTIVE || session.Transfer is null)
        {
            // Not a transfer we know of (or the call already ended): never silence, the agent listens again.
            return session.Status == ConversationStatus.ACTIVE ? Response(Redirect(VoiceAgent.GatherPath, "POST")) : Response(Hangup());
        }

        if (first && !session.Simulated)
        {
            await RecordOnLeadAsync(session, ct);
        }

        // Back with the agent: the offer of a voicemail or a call-back, and the agent listens for the choice.
        TurnResult? offer = null;
        session = await store.UpdateAsync(callSid, s =>
        {
            if (s.Transfer is not { Outcome: not null and not TransferOutcome.CONNECTED } || s.Status != ConversationStatus.ACTIVE)
            {
                return Task.FromResult(false);
            }

            offer = engine.TransferNotTaken(s, new TurnContext(profile.Business, profile.Config, clock.GetUtcNow(), s.Metadata.GetValueOrDefault("from")));
            return Task.FromResult(true);
        }, ct) ?? session;
        var spoken = offer?.Spoken ?? ReplyShaper.ForVoice(new ReplyParts(null, null, null,
            AgentPhrases.Say(AgentPhrase.TransferNotAnswered, language, ("business", profile.Business.Name))), voice, false, language);
        return VoiceAgent.Listen(spoken, profile);
    }

    /// <summary>
    /// The caller hung up while the owner's phone rang or the whisper played (the call's status callback): the attempt
    /// ends as the caller's hang-up and goes on the lead, or on the partial lead the call's end stores, so the owner
    /// sees why nobody was on the line. A dial result arriving afterwards finds the transfer finished and records nothing.
    /// </summary>
    /// <returns>The session as it now stands (null when it is gone).</returns>
    public async Task<ConversationSession?> CallerHungUpAsync(string callSid, CancellationToken ct)
    {
        var first = false;
        var session = await store.UpdateAsync(callSid, s =>
        {
            first = s.Transfer is { InProgress: true, Accepted: false } && s.Status == ConversationStatus.ACTIVE;
            if (first)
            {
                s.Transfer!.Outcome = TransferOutcome.CALLER_HUNG_UP;
                s.Transfer.FinishedAt = clock.GetUtcNow();
            }

            return Task.FromResult(first);
        }, ct);
        if (first && session is { Simulated: false })
        {
            await RecordOnLeadAsync(session, ct);
        }

        return session;
    }

    /// <summary>How the dial ended for the owner. Twilio reports an answered-then-declined whisper as completed too, so only a 1 counts as connected.</summary>
    public static TransferOutcome OutcomeOf(string dialStatus, WarmTransfer transfer) => dialStatus switch
    {
        "completed" or "answered" when transfer.Accepted => TransferOutcome.CONNECTED,
        "completed" or "answered" => TransferOutcome.DECLINED,
        "busy" => TransferOutcome.BUSY,
        "failed" => TransferOutcome.FAILED,
        _ when transfer.OwnerAnswered => TransferOutcome.DECLINED,
        _ => TransferOutcome.NO_ANSWER,
    };

    /// <summary>
    /// The whisper in the business's language, short enough to hear in under 20 seconds: who (the name, else the number
    /// read out), the problem in a few words and where, then press 1.
    /// </summary>
    public static string Whisper(ConversationSession session, BusinessProfile profile)
    {
        var language = ConversationLanguage.OfBusiness(profile.Config);
        var questions = profile.Config.OrderedQuestions;
        string? Field(string field) => ConversationEngine.CapturedField(session, questions, field);
        var name = session.CallerName ?? Field(LeadFields.ContactName);
        var phone = Field(LeadFields.ContactPhone) ?? Domain.Common.PhoneNumbers.Normalize(session.Metadata.GetValueOrDefault("from"));
        var problem = Field(LeadFields.Notes)
            ?? session.History.FirstOrDefault(m => m.Role == "user" && m.Intent is Intents.ServiceRequest or Intents.Emergency)?.Content;
        var address = Field(LeadFields.Address);

        var caller = name is not null ? Words(name, 5)
            : phone is not null ? AgentPhrases.Say(AgentPhrase.WhisperUnnamedCaller, language, ("phone", ReplyShaper.ReadPhone(phone)))
            : AgentPhrases.Say(AgentPhrase.WhisperHiddenNumber, language);
        problem = problem is null ? null : s_opener.Replace(problem, "");
        var about = (problem is { Length: > 0 } ? Words(problem, 12) : null, address is null ? null : Words(address, 10)) switch
        {
            ({ } p, { } a) => AgentPhrases.Say(AgentPhrase.WhisperProblemAt, language, ("problem", p), ("address", a)),
            ({ } p, null) => p,
            (null, { } a) => a,
            _ => null,
        };
        var who = about is null ? caller : $"{caller}, {about}";
        return AgentPhrases.Say(AgentPhrase.WhisperCall, language, ("business", profile.Business.Name), ("caller", who)) + " "
            + AgentPhrases.Say(AgentPhrase.WhisperPress, language);
    }

    // "Hi, so, my sink..." : the greeting is not the problem, and the whisper has only seconds.
    static readonly System.Text.RegularExpressions.Regex s_opener = new(@"^(\s*\b(hi|hello|hey|yes|yeah|so|um|uh|ok|okay|hola|bonjour|hallo|ciao|oi|olá)\b[\s,.!]*)+",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>The first words of what someone said, without the trailing punctuation (the whisper adds its own).</summary>
    static string Words(string text, int max)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Take(max)).TrimEnd('.', ',', '!', '?', ';', ':');
    }

    static bool Waiting(ConversationSession s) => s.Status == ConversationStatus.ACTIVE && s.Channel == Channel.VOICE && s.Transfer is { InProgress: true };

    static VoiceResponse Gone(BusinessProfile? profile)
    {
        var (voice, language) = (profile?.Config.TwilioVoice, profile?.Config.TwilioLanguage);
        return Response(Say(AgentPhrases.Say(AgentPhrase.WhisperGone, language), voice, language), Hangup());
    }

    /// <summary>A lead the call already has gets the attempt now; a lead stored later carries it from the session.</summary>
    async Task RecordOnLeadAsync(ConversationSession session, CancellationToken ct)
    {
        if (session.LeadId is not { } leadId || ConversationEngine.TransferAttempts(session) is not [var attempt])
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.DbForBusiness(session.BusinessId);
        var lead = await db.Leads.SingleOrDefaultAsync(l => l.Id == leadId, ct);
        if (lead is null || lead.Transfers.Contains(attempt))
        {
            return;
        }

        lead.Transfers.Add(attempt);
        lead.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }
}
