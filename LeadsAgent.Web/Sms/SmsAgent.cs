using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Voice;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Texts;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Conversations;
using LeadsAgent.Infrastructure.Sessions;
using LeadsAgent.Infrastructure.Tenancy;
using LeadsAgent.Infrastructure.Texts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Web.Sms;

/// <summary>
/// The text-message agent: one inbound text in, the replies out (each at most 1,600 characters). The compliance
/// keywords come first (STOP and its synonyms, START, HELP, as the whole message); everything else runs the same engine as
/// chat and voice with channel SMS. A number that wrote to or called this business within the idle window continues
/// where it left off: the live text session, or the call it hung up on (its answers and transcript carried over).
/// </summary>
public sealed class SmsAgent(ConversationService conversations, ISessionStore store, IServiceScopeFactory scopes, IOptions<LeadsAgent.Infrastructure.Configuration.SessionOptions> sessions,
    TimeProvider clock, LeadsAgent.Infrastructure.Blocking.CallerBlockList blockList, BookingTextCommands bookingTexts)
{
    public async Task<IReadOnlyList<string>> ReceiveAsync(BusinessProfile profile, string from, string to, string body, string messageSid, CancellationToken ct)
    {
        var business = profile.Business;
        var language = ConversationLanguage.OfBusiness(profile.Config);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.DbForBusiness(business.Id);
        var optedOut = await SmsOptOuts.IsOptedOutAsync(db, business.Id, from, ct);
        var keyword = SmsKeywords.Of(body);
        var word = body.Trim().TrimEnd('.', '!').Trim();
        if (await blockList.CheckAsync(business.Id, from, ct) is not null)
        {
            // A blocked number gets no conversation and no reply, as a blocked caller gets no agent; its STOP is still kept.
            if (keyword == SmsKeyword.Stop)
            {
                await SmsOptOuts.OptOutAsync(db, business.Id, from, word.ToUpperInvariant(), clock.GetUtcNow(), ct);
            }

            return [];
        }

        switch (keyword)
        {
            case SmsKeyword.Stop:
                await SmsOptOuts.OptOutAsync(db, business.Id, from, word.ToUpperInvariant(), clock.GetUtcNow(), ct);
                return [AgentPhrases.Say(AgentPhrase.SmsUnsubscribed, language, ("business", business.Name))];
            // "Yes" is an everyday answer ("is this the best number?"): it opts in only a number that opted out.
            case SmsKeyword.Start when optedOut || !word.Equals("YES", StringComparison.OrdinalIgnoreCase):
                await SmsOptOuts.OptInAsync(db, business.Id, from, ct);
                return [AgentPhrases.Say(AgentPhrase.SmsResubscribed, language, ("business", business.Name))];
            case SmsKeyword.Help:
                var phone = business.NotificationPhoneNumber ?? business.TwilioPhoneNumber ?? to;
                return [AgentPhrases.Say(AgentPhrase.SmsHelp, language, ("business", business.Name), ("phone", Display(phone)))];
        }

        if (optedOut)
        {
            // Opted out: not a word back until START (carriers' rule), and no conversation to answer.
            return [];
        }

        // "cancel booking", "reschedule", and YES to our question: the caller's own booking, before the agent.
        if (await bookingTexts.TryAnswerAsync(business, from, body, ct) is { } bookingReply)
        {
            return bookingReply;
        }

        if (business.IsSuspended)
        {
            return [UnavailableReplies.Chat(business.Name, MessageLanguage.OfSentence(body) ?? language)];
        }

        var sessionId = await OpenSessionAsync(profile, from, to, messageSid, ct);
        var text = body.Length > ConversationEngine.MaxMessageLength ? body[..ConversationEngine.MaxMessageLength] : body;
        var outcome = await conversations.TurnAsync(sessionId, text, from, ct);
        if (outcome is null)
        {
            return [AgentPhrases.Say(AgentPhrase.ChatDidNotCatch, language)];
        }

        var reply = outcome.Result.Reply;
        if (outcome.Result.Triage.SafetyScript?.Text is { } safety && !reply.Contains(safety, StringComparison.Ordinal))
        {
            reply = safety + "\n\n" + reply;
        }

        return SmsText.Split(reply);
    }

    /// <summary>The live text conversation of this number, else a new one (carrying over a call that ended within the idle window).</summary>
    async Task<string> OpenSessionAsync(BusinessProfile profile, string from, string to, string messageSid, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var idle = TimeSpan.FromMinutes(sessions.Value.ChatIdleMinutes);
        var live = (await store.ActiveAsync(profile.Business.Id, ct))
            .Where(s => s.Channel == Channel.SMS && s.Status == ConversationStatus.ACTIVE && s.Metadata.GetValueOrDefault("from") == from && now - s.LastActivityAt < idle)
            .MaxBy(s => s.LastActivityAt);
        if (live is not null)
        {
            return live.SessionId;
        }

        var sessionId = "sms_" + messageSid;
        var metadata = new Dictionary<string, string> { ["from"] = from, ["to"] = to, ["messageSid"] = messageSid };
        var call = await RecentCallAsync(profile.Business.Id, from, now - idle, ct);
        if (call is not null)
        {
            metadata[ConversationService.ContinuesKey] = call.Conversation.SessionId;
        }

        var (session, _) = await conversations.StartAsync(profile, Channel.SMS, sessionId, metadata, from, ct);
        if (call is { } c && session.History.Count <= 1)
        {
            await store.UpdateAsync(sessionId, s =>
            {
                // The call's words first, then this conversation: the owner reads one story, and the engine does not ask
                // again what the caller already answered.
                s.History.InsertRange(0, c.Conversation.Messages.Select(m => new SessionMessage(m.Role, m.Content, m.Timestamp, m.Intent, m.Confidence)));
                foreach (var (key, answer) in c.Answers)
                {
                    s.Capture.Answers.TryAdd(key, answer);
                }

                s.CallerName ??= c.Name;
                if (c.Priority > s.Priority)
                {
                    s.Priority = c.Priority;
                }

                s.EmergencyReasons.AddRange(c.Reasons);
                s.EmergencyDetected |= c.Priority == LeadPriority.URGENT;
                return Task.FromResult(true);
            }, ct);
        }

        return sessionId;
    }

    sealed record CallCarryOver(Conversation Conversation, Dictionary<string, CapturedAnswer> Answers, string? Name, LeadPriority Priority,
        List<Domain.Emergencies.EmergencyReason> Reasons);

    async Task<CallCarryOver?> RecentCallAsync(Guid businessId, string from, DateTimeOffset since, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.DbForBusiness(businessId);
        var call = await db.Conversations.AsNoTracking()
            .Where(c => c.Channel == Channel.VOICE && c.FromNumber == from && c.EndedAt > since && c.Status != ConversationStatus.TRANSFERRED)
            .OrderByDescending(c => c.EndedAt).FirstOrDefaultAsync(ct);
        if (call is null)
        {
            return null;
        }

        var lead = call.LeadId is { } id ? await db.Leads.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct) : null;
        if (lead is not null && !LeadDraft.IsPartial(lead))
        {
            // The call already left a complete request (or a voicemail): this text starts a new conversation.
            return null;
        }

        return new CallCarryOver(call, lead?.CapturedData ?? [], lead?.ContactName, lead?.Priority ?? LeadPriority.LOW, lead?.EmergencyReasons ?? []);
    }

    static string Display(string e164) =>
        e164.StartsWith("+1", StringComparison.Ordinal) && e164.Length == 12 ? $"({e164[2..5]}) {e164[5..8]}-{e164[8..]}" : e164;
}
