using System.Text.Json;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Sessions;
using LeadsAgent.Web.Application.Display;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Conversations;

/// <summary>
/// The owner's calls and chats: the ones going on now (from the session store, on top) and the finished ones (from
/// PostgreSQL), filtered and paged on the server, and one conversation with its transcript. Pages and the JSON API
/// both read through here.
/// </summary>
public sealed class ConversationQueries(IDbContextFactory<LeadsDbContext> contexts, LiveSessionQueries live, BusinessClockProvider clocks, TimeProvider clock)
{
    public const int MaxSearchLength = 200;

    /// <summary>One page of the list: active sessions first (those matching the filters), then finished ones, newest first.</summary>
    public async Task<ConversationPage> PageAsync(ConversationFilter filter, int skip, int take, CancellationToken ct = default)
    {
        var businessClock = await clocks.GetAsync(ct);
        DateTimeOffset? from = filter.From is { } f ? businessClock.StartOfDay(f) : null;
        DateTimeOffset? to = filter.To is { } t ? businessClock.StartOfDay(t.AddDays(1)) : null;
        var search = filter.Search?.Trim() is { Length: > 0 } s ? s[..Math.Min(s.Length, MaxSearchLength)] : null;

        var active = filter.Outcome is null or Outcome.InProgress
            ? (await live.ActiveSessionsAsync(ct))
                .Where(x => (filter.Channel is null || x.Channel == filter.Channel) && (from is null || x.StartedAt >= from) && (to is null || x.StartedAt < to)
                    && (search is null || Matches(x, search)))
                .Select(x => LiveSessionQueries.Row(x, clock.GetUtcNow()))
                .ToList()
            : [];

        await using var db = await contexts.CreateDbContextAsync(ct);
        var finished = filter.Outcome == Outcome.InProgress ? db.Conversations.Where(_ => false) : Finished(db, search);
        if (filter.Channel is { } channel)
        {
            finished = finished.Where(c => c.Channel == channel);
        }

        if (from is { } start)
        {
            finished = finished.Where(c => c.StartedAt >= start);
        }

        if (to is { } end)
        {
            finished = finished.Where(c => c.StartedAt < end);
        }

        finished = filter.Outcome switch
        {
            Outcome.LeadCaptured => finished.Where(c => c.LeadId != null && c.Status != ConversationStatus.TRANSFERRED),
            Outcome.Completed => finished.Where(c => c.LeadId == null && c.Status == ConversationStatus.COMPLETED),
            Outcome.Transferred => finished.Where(c => c.Status == ConversationStatus.TRANSFERRED),
            Outcome.HungUp => finished.Where(c => c.LeadId == null && c.Status == ConversationStatus.ABANDONED),
            _ => finished,
        };

        var total = active.Count + await finished.CountAsync(ct);
        var rows = active.Skip(skip).Take(take).ToList();
        var stored = await finished
            .OrderByDescending(c => c.StartedAt)
            .Skip(Math.Max(0, skip - active.Count))
            .Take(take - rows.Count)
            .Select(c => new
            {
                c.SessionId, c.Channel, c.Status, c.LeadId, c.FromNumber, c.StartedAt, c.EndedAt, c.Analytics,
                Name = db.Leads.Where(l => l.Id == c.LeadId).Select(l => l.ContactName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        rows.AddRange(stored.Select(c => new ConversationRow(c.SessionId, c.Channel, Outcomes.Of(c.Status, c.LeadId is not null), c.Name, c.FromNumber,
            c.StartedAt, c.EndedAt, Analytics(c.Analytics)?.DurationSeconds ?? (c.EndedAt - c.StartedAt)?.TotalSeconds, c.LeadId)));
        return new ConversationPage(rows, total);
    }

    /// <summary>The live watch view while the session is active, else the finished conversation; null when neither is this business's.</summary>
    public async Task<ConversationView?> ViewAsync(string sessionId, CancellationToken ct = default)
    {
        var watching = await live.WatchAsync(sessionId, ct);
        if (watching is { Active: true })
        {
            return watching;
        }

        // Ended: the stored conversation with its lead; for the moment between the last turn and the write, the store's copy.
        if (await FindStoredAsync(sessionId, ct) is not { } c)
        {
            return watching;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var lead = c.LeadId is { } id ? await db.Leads.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct) : null;
        var analytics = Analytics(c.Analytics);
        var row = new ConversationRow(c.SessionId, c.Channel, Outcomes.Of(c.Status, c.LeadId is not null), lead?.ContactName, c.FromNumber, c.StartedAt, c.EndedAt,
            analytics?.DurationSeconds ?? (c.EndedAt - c.StartedAt)?.TotalSeconds, c.LeadId);
        var transcript = c.Messages.Select(m => new SessionMessage(m.Role, m.Content, m.Timestamp, m.Intent, m.Confidence)).ToList();
        return new ConversationView(row, transcript, lead is null ? [] : Details(lead), lead?.Priority ?? analytics?.Priority ?? LeadPriority.LOW,
            analytics?.EmergencyDetected ?? false, null);
    }

    /// <summary>A finished conversation of this business (the tenant filter applies), or null.</summary>
    public async Task<Conversation?> FindStoredAsync(string sessionId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(sessionId) || sessionId.Length > 100)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.SessionId == sessionId, ct);
    }

    public static SessionAnalytics? Analytics(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<SessionAnalytics>(json, RedisSessionStore.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Finished conversations whose words, caller's number or lead's name contain the search.</summary>
    static IQueryable<Conversation> Finished(LeadsDbContext db, string? search)
    {
        if (search is null)
        {
            return db.Conversations.AsNoTracking();
        }

        var pattern = "%" + search.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        var digits = new string([.. search.Where(char.IsDigit)]);
        var byNumber = digits.Length >= 3;
        var number = "%" + digits + "%";
        // The messages are jsonb: their text form holds every word said. The tenant filter still applies on top.
        return db.Conversations.FromSqlInterpolated($"""
            SELECT c.* FROM conversations c LEFT JOIN leads l ON l.id = c.lead_id
            WHERE c.messages::text ILIKE {pattern} OR ({byNumber} AND c.from_number LIKE {number}) OR l.contact_name ILIKE {pattern}
            """).AsNoTracking();
    }

    static bool Matches(ConversationSession s, string search)
    {
        var digits = new string([.. search.Where(char.IsDigit)]);
        return s.History.Any(m => m.Content.Contains(search, StringComparison.OrdinalIgnoreCase))
            || (s.CallerName?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false)
            || (digits.Length >= 3 && (s.Metadata.GetValueOrDefault("from")?.Contains(digits, StringComparison.Ordinal) ?? false));
    }

    static List<CapturedDetail> Details(Lead lead)
    {
        var details = new List<CapturedDetail>();
        void Add(string label, string? value, string? href = null)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                details.Add(new CapturedDetail(label, value, href));
            }
        }

        Add("Name", lead.ContactName);
        Add("Phone", PhoneDisplay.Format(lead.ContactPhone), PhoneDisplay.TelLink(lead.ContactPhone));
        Add("Email", lead.ContactEmail, lead.ContactEmail is null ? null : "mailto:" + lead.ContactEmail);
        Add("Address", lead.Address);
        Add("What they need", lead.Notes);
        return details;
    }
}
