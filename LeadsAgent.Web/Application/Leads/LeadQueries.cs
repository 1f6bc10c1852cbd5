using System.Text.RegularExpressions;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Web.Application.Display;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Leads;

/// <summary>One row of the leads grid.</summary>
public sealed record LeadRow(Guid Id, string? Name, string? Phone, string? Email, string? Address, Channel Channel, LeadPriority Priority,
    LeadStatus Status, DateTimeOffset CreatedAt);

/// <summary>A page of the leads grid and how many leads the filter matches in all.</summary>
public sealed record LeadPage(IReadOnlyList<LeadRow> Rows, int Total);

/// <summary>A lead with its outbox rows (the email and alert calls), oldest first.</summary>
public sealed record LeadWithNotifications(Lead Lead, IReadOnlyList<Notification> Notifications);

/// <summary>
/// The signed-in owner's leads (the tenant filter hides every other business's): one filtered, sorted query for the
/// leads page, the JSON API and the CSV export, and one lead with its notifications.
/// </summary>
public sealed partial class LeadQueries(IDbContextFactory<LeadsDbContext> contexts, BusinessClockProvider clocks)
{
    /// <summary>The page's filter (local days) as exact criteria, in the business's time zone.</summary>
    public async Task<LeadCriteria> CriteriaAsync(LeadFilter filter, CancellationToken ct = default) =>
        filter.ToCriteria(await clocks.GetAsync(ct));

    public async Task<LeadPage> PageAsync(LeadFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        var criteria = await CriteriaAsync(filter, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = Apply(db.Leads.AsNoTracking(), criteria);
        var total = await query.CountAsync(ct);
        var rows = await Order(query, criteria.Sort).Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(l => new LeadRow(l.Id, l.ContactName, l.ContactPhone, l.ContactEmail, l.Address, l.Channel, l.Priority, l.Status, l.CreatedAt))
            .ToListAsync(ct);
        return new LeadPage(rows, total);
    }

    /// <summary>The matching leads in full, at most <paramref name="take"/> of them (the API and the CSV export).</summary>
    public async Task<List<Lead>> ListAsync(LeadCriteria criteria, int take, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Order(Apply(db.Leads.AsNoTracking(), criteria), criteria.Sort).Take(take).ToListAsync(ct);
    }

    /// <summary>The lead with its notifications, or null when it does not exist or belongs to another business.</summary>
    public async Task<LeadWithNotifications?> FindAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var lead = await db.Leads.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (lead is null)
        {
            return null;
        }

        var notifications = await db.Notifications.AsNoTracking().Where(n => n.LeadId == id).OrderBy(n => n.CreatedAt).ToListAsync(ct);
        return new LeadWithNotifications(lead, notifications);
    }

    public static IQueryable<Lead> Apply(IQueryable<Lead> query, LeadCriteria c)
    {
        if (c.Status is { } s)
        {
            query = query.Where(l => l.Status == s);
        }

        if (c.Priority is { } p)
        {
            query = query.Where(l => l.Priority == p);
        }

        if (c.Channel is { } ch)
        {
            query = query.Where(l => l.Channel == ch);
        }

        if (c.Since is { } since)
        {
            query = query.Where(l => l.CreatedAt >= since);
        }

        if (c.Before is { } before)
        {
            query = query.Where(l => l.CreatedAt < before);
        }

        if (!string.IsNullOrWhiteSpace(c.Search))
        {
            var term = c.Search.Trim();
            var pattern = "%" + EscapeLike(term) + "%";
            // "555 201" or "(555) 201-44" finds +15552014477: the digits typed, against the digits stored.
            var digits = NonDigits().Replace(term, "");
            var digitPattern = digits.Length >= 3 ? "%" + digits + "%" : null;
            query = query.Where(l => EF.Functions.ILike(l.ContactName ?? "", pattern, "\\")
                || EF.Functions.ILike(l.ContactPhone ?? "", pattern, "\\")
                || EF.Functions.ILike(l.ContactEmail ?? "", pattern, "\\")
                || EF.Functions.ILike(l.Address ?? "", pattern, "\\")
                || (digitPattern != null && EF.Functions.Like(Regex.Replace(l.ContactPhone ?? "", "[^0-9]", ""), digitPattern)));
        }

        return query;
    }

    public static IOrderedQueryable<Lead> Order(IQueryable<Lead> query, LeadSort sort) => sort switch
    {
        LeadSort.Oldest => query.OrderBy(l => l.CreatedAt),
        // Priority and status are stored as text; rank them in SQL so URGENT (or NEW) comes first.
        LeadSort.MostUrgent => query.OrderByDescending(l => l.Priority == LeadPriority.URGENT ? 3 : l.Priority == LeadPriority.HIGH ? 2 : l.Priority == LeadPriority.NORMAL ? 1 : 0)
            .ThenByDescending(l => l.CreatedAt),
        LeadSort.LeastUrgent => query.OrderBy(l => l.Priority == LeadPriority.URGENT ? 3 : l.Priority == LeadPriority.HIGH ? 2 : l.Priority == LeadPriority.NORMAL ? 1 : 0)
            .ThenByDescending(l => l.CreatedAt),
        LeadSort.Name => query.OrderBy(l => l.ContactName == null).ThenBy(l => l.ContactName).ThenByDescending(l => l.CreatedAt),
        LeadSort.NameDescending => query.OrderBy(l => l.ContactName == null).ThenByDescending(l => l.ContactName).ThenByDescending(l => l.CreatedAt),
        LeadSort.Status => query.OrderBy(l => l.Status == LeadStatus.NEW ? 0 : l.Status == LeadStatus.CONTACTED ? 1 : l.Status == LeadStatus.QUALIFIED ? 2 : 3)
            .ThenByDescending(l => l.CreatedAt),
        LeadSort.StatusDescending => query.OrderByDescending(l => l.Status == LeadStatus.NEW ? 0 : l.Status == LeadStatus.CONTACTED ? 1 : l.Status == LeadStatus.QUALIFIED ? 2 : 3)
            .ThenByDescending(l => l.CreatedAt),
        _ => query.OrderByDescending(l => l.CreatedAt),
    };

    /// <summary>The search words taken literally: % _ and \ match themselves.</summary>
    public static string EscapeLike(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    [GeneratedRegex("[^0-9]")]
    private static partial Regex NonDigits();
}
