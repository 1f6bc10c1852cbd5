using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Sessions;
using LeadsAgent.Web.Application.Display;
using LeadsAgent.Web.Live;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Overview;

/// <summary>Today's numbers on the overview, "today" being the business's own day.</summary>
public sealed record TodayCounts(int Leads, int Emergencies, int Calls, int Chats, int ActiveNow, int Texts = 0);

/// <summary>A call or chat in progress as the overview lists it.</summary>
public sealed record ActiveConversation(
    string SessionId,
    Channel Channel,
    string Caller,
    DateTimeOffset StartedAt,
    string Step,
    LeadPriority Priority,
    string? LastSaid);

/// <summary>A lead of today as the overview lists it.</summary>
public sealed record TodayLead(Guid Id, string Name, Channel Channel, LeadPriority Priority, LeadStatus Status, DateTimeOffset At);

/// <summary>Everything the live overview shows, read in one go.</summary>
public sealed record OverviewSnapshot(TodayCounts Today, IReadOnlyList<ActiveConversation> Active, IReadOnlyList<TodayLead> Leads);

/// <summary>
/// The overview's query service: today's counters in the business's time zone, the calls and chats in progress
/// (from the session store) and today's leads. Calls and chats today are the conversations that started today:
/// the finished ones stored in PostgreSQL plus the ones still in progress.
///
/// One snapshot per business is shared by every open dashboard of this instance: a live event makes the next reader
/// recompute it once, and every circuit woken by that same event awaits the same computation, so 500 open
/// dashboards cost one query per event, not 500.
/// </summary>
public sealed class LiveOverview(IServiceScopeFactory scopes, ISessionStore sessions, TimeProvider time)
{
    readonly SharedSnapshots<OverviewSnapshot> _snapshots = new(time, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(250));

    /// <summary>The business's snapshot; <paramref name="cause"/> is the live event that made the caller ask (null on first load).</summary>
    public Task<OverviewSnapshot> ReadAsync(Business business, object? cause = null) =>
        _snapshots.GetAsync(business.Id, cause, () => ComputeAsync(business));

    async Task<OverviewSnapshot> ComputeAsync(Business business)
    {
        var clock = new BusinessClock(business.TimeZone, time);
        var since = clock.StartOfToday();
        var active = (await sessions.ActiveAsync(business.Id, default)).Where(s => !s.Simulated).ToList();

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.DbForBusiness(business.Id);
        var questions = await db.Questions.AsNoTracking().ToDictionaryAsync(q => q.Id);
        var leads = await db.Leads.AsNoTracking().Where(l => l.CreatedAt >= since).OrderByDescending(l => l.CreatedAt)
            .Select(l => new { l.Id, l.ContactName, l.ContactPhone, l.Channel, l.Priority, l.Status, l.CreatedAt })
            .ToListAsync();
        var finished = await db.Conversations.AsNoTracking().Where(c => c.StartedAt >= since)
            .Select(c => new { c.Channel, c.SessionId }).ToListAsync();
        var stored = finished.Select(f => f.SessionId).ToHashSet();
        var startedToday = active.Where(s => s.StartedAt >= since && !stored.Contains(s.SessionId)).ToList();

        int Count(Channel channel) => finished.Count(f => f.Channel == channel) + startedToday.Count(s => s.Channel == channel);

        var counts = new TodayCounts(
            leads.Count,
            leads.Count(l => l.Priority == LeadPriority.URGENT),
            Count(Channel.VOICE),
            Count(Channel.CHAT),
            active.Count,
            Count(Channel.SMS));
        return new OverviewSnapshot(
            counts,
            // The list shows the 50 that matter most (emergencies first, then the longest running); the counter counts all.
            [.. active.OrderByDescending(s => s.Priority).ThenBy(s => s.StartedAt).Take(50).Select(s => Describe(s, questions))],
            [.. leads.Take(50).Select(l => new TodayLead(l.Id, l.ContactName ?? (PhoneDisplay.Format(l.ContactPhone) is { Length: > 0 } n ? n : "No name given"),
                l.Channel, l.Priority, l.Status, l.CreatedAt))]);
    }

    /// <summary>A session in progress in the owner's words: who (their name once given), what step, what they last said.</summary>
    public static ActiveConversation Describe(ConversationSession s, IReadOnlyDictionary<Guid, LeadCaptureQuestion> questions)
    {
        LeadCaptureQuestion? asking = s.Capture.CurrentQuestionId is { } qid && questions.TryGetValue(qid, out var q) ? q : null;
        return new ActiveConversation(
            s.SessionId,
            s.Channel,
            // The engine keeps the name the caller gave on the session; the same wording as the conversations page.
            Conversations.ConversationRow.Who(s.CallerName, s.Metadata.GetValueOrDefault("from"), s.Channel),
            s.StartedAt,
            Words.Step(s.DetailedFlow.PrimaryFlow, s.Capture.EmergencyMode || s.EmergencyDetected, asking?.MapsToLeadField, asking?.QuestionText),
            s.Priority,
            s.History.LastOrDefault(m => m.Role == "user")?.Content);
    }
}
