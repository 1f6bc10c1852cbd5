using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Sessions;
using LeadsAgent.Web.Application.Display;
using LeadsAgent.Web.Auth;

namespace LeadsAgent.Web.Application.Conversations;

/// <summary>The signed-in owner's calls and chats going on now, read from the session store (never another business's).</summary>
public sealed class LiveSessionQueries(ISessionStore store, CurrentBusiness current, BusinessDirectory directory, TimeProvider clock)
{
    public SessionStoreHealth Health => store.Health;

    /// <summary>The business's active sessions, latest activity first.</summary>
    public async Task<IReadOnlyList<ConversationSession>> ActiveSessionsAsync(CancellationToken ct = default) =>
        await store.ActiveAsync((await current.GetAsync(ct)).Id, ct);

    /// <summary>A session of this business still in the store (active, or ended minutes ago), else null.</summary>
    public async Task<ConversationSession?> FindAsync(string sessionId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(sessionId) || sessionId.Length > 100)
        {
            return null;
        }

        var business = await current.GetAsync(ct);
        return await store.GetAsync(sessionId, ct) is { Simulated: false } s && s.BusinessId == business.Id ? s : null;
    }

    public async Task<IReadOnlyList<ConversationRow>> ActiveRowsAsync(CancellationToken ct = default) =>
        [.. (await ActiveSessionsAsync(ct)).Select(s => Row(s, clock.GetUtcNow()))];

    /// <summary>The watch view of a session still in the store (active, or ended moments ago), or null.</summary>
    public async Task<ConversationView?> WatchAsync(string sessionId, CancellationToken ct = default)
    {
        if (await FindAsync(sessionId, ct) is not { } s)
        {
            return null;
        }

        var questions = (await directory.GetAsync(s.BusinessId, ct))?.Config.OrderedQuestions.ToList() ?? [];
        var currentQuestion = s.Capture.CurrentQuestionId is { } qid
            ? qid == ConversationEngine.CallbackQuestion.Id ? ConversationEngine.CallbackQuestion : questions.FirstOrDefault(q => q.Id == qid)
            : null;
        var step = s.Status != ConversationStatus.ACTIVE ? null : Words.Step(s.DetailedFlow.PrimaryFlow, s.EmergencyDetected, currentQuestion?.MapsToLeadField, currentQuestion?.QuestionText);
        return new ConversationView(Row(s, clock.GetUtcNow()), [.. s.History], Details(s, questions), s.Priority, s.EmergencyDetected, step);
    }

    public static ConversationRow Row(ConversationSession s, DateTimeOffset now) => new(
        s.SessionId, s.Channel, Outcomes.Of(s.Status, s.LeadCaptured), s.CallerName, s.Metadata.GetValueOrDefault("from"),
        s.StartedAt, s.EndedAt, ((s.EndedAt ?? now) - s.StartedAt).TotalSeconds, s.LeadId);

    /// <summary>What the agent has captured so far, in the order the owner's questions ask for it.</summary>
    static List<CapturedDetail> Details(ConversationSession s, List<LeadCaptureQuestion> questions)
    {
        var details = new List<CapturedDetail>();
        foreach (var field in LeadFields.All)
        {
            var value = ConversationEngine.CapturedField(s, questions, field) ?? (field == LeadFields.ContactName ? s.CallerName : null);
            if (!string.IsNullOrWhiteSpace(value))
            {
                details.Add(field == LeadFields.ContactPhone
                    ? new CapturedDetail(Words.Field(field), PhoneDisplay.Format(value), PhoneDisplay.TelLink(value))
                    : new CapturedDetail(Words.Field(field), value));
            }
        }

        // Answers to the owner's other questions ("When would suit you?"), under the question's own words.
        foreach (var q in questions.Where(q => !LeadFields.IsKnown(q.MapsToLeadField)))
        {
            if (s.Capture.Answers.TryGetValue(q.Id.ToString(), out var answer))
            {
                details.Add(new CapturedDetail(q.QuestionText, answer.Value));
            }
        }

        return details;
    }
}
