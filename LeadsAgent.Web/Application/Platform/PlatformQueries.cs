using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Identity;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Platform;

/// <summary>
/// What the platform admin reads across businesses, for the platform API and the platform pages alike; each read
/// asks the tenant scope for every business with its purpose (audited in the log, refused to owners).
/// </summary>
public sealed class PlatformQueries(IDbContextFactory<LeadsDbContext> contexts, TenantScope tenant, TimeProvider clock)
{
    public async Task<List<Business>> BusinessesAsync(CancellationToken ct)
    {
        tenant.AcrossBusinesses("platform: list businesses");
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Businesses.AsNoTracking().OrderBy(b => b.Name).ToListAsync(ct);
    }

    /// <summary>The businesses grid: plan, number, owner, leads this month (UTC), last chat or call, status.</summary>
    public async Task<List<BusinessRow>> RowsAsync(CancellationToken ct)
    {
        tenant.AcrossBusinesses("platform: businesses grid");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var monthStart = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var businesses = await db.Businesses.AsNoTracking().OrderBy(b => b.Name).ToListAsync(ct);
        var leads = await db.Leads.Where(l => l.CreatedAt >= monthStart).GroupBy(l => l.BusinessId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var lastConversation = await db.Conversations.GroupBy(c => c.BusinessId)
            .Select(g => new { g.Key, At = g.Max(c => c.StartedAt) }).ToDictionaryAsync(x => x.Key, x => x.At, ct);
        var lastLead = await db.Leads.GroupBy(l => l.BusinessId)
            .Select(g => new { g.Key, At = g.Max(l => l.CreatedAt) }).ToDictionaryAsync(x => x.Key, x => x.At, ct);
        var owners = await OwnersAsync(db, ct);
        return businesses.Select(b => Row(b, owners.GetValueOrDefault(b.Id), leads.GetValueOrDefault(b.Id),
            Latest(lastConversation.TryGetValue(b.Id, out var c) ? c : null, lastLead.TryGetValue(b.Id, out var l) ? l : null))).ToList();
    }

    /// <summary>The most recent admin actions, newest first, across businesses or for one.</summary>
    public async Task<List<AdminActionRow>> RecentActionsAsync(int take, Guid? businessId, CancellationToken ct)
    {
        tenant.AcrossBusinesses("platform: admin audit");
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await RecentActionsAsync(db, take, businessId, ct);
    }

    public async Task<List<PlanChange>> RecentPlanChangesAsync(int take, CancellationToken ct)
    {
        tenant.AcrossBusinesses("platform: plan change history");
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.PlanChanges.AsNoTracking().OrderByDescending(c => c.ChangedAt).Take(take).ToListAsync(ct);
    }

    /// <summary>The outbox queue per kind: waiting, failed for good, sent today (UTC), and how long the oldest has waited.</summary>
    public async Task<List<OutboxQueueRow>> OutboxAsync(CancellationToken ct)
    {
        tenant.AcrossBusinesses("platform: outbox queue");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var rows = await db.Notifications.GroupBy(n => n.Kind).Select(g => new
        {
            Kind = g.Key,
            Pending = g.Count(n => n.Status == Domain.Notifications.NotificationStatus.PENDING),
            Failed = g.Count(n => n.Status == Domain.Notifications.NotificationStatus.FAILED),
            SentToday = g.Count(n => n.Status == Domain.Notifications.NotificationStatus.SENT && n.SentAt >= today),
            OldestPending = g.Where(n => n.Status == Domain.Notifications.NotificationStatus.PENDING).Min(n => (DateTimeOffset?)n.CreatedAt),
        }).ToListAsync(ct);
        return Enum.GetValues<Domain.Notifications.NotificationKind>().Select(kind => rows.FirstOrDefault(r => r.Kind == kind) is { } r
            ? new OutboxQueueRow(kind, r.Pending, r.Failed, r.SentToday, r.OldestPending is { } at ? now - at : null)
            : new OutboxQueueRow(kind, 0, 0, 0, null)).ToList();
    }

    internal static async Task<List<AdminActionRow>> RecentActionsAsync(LeadsDbContext db, int take, Guid? businessId, CancellationToken ct) =>
        await (from a in db.AdminActions
               join b in db.Businesses on a.BusinessId equals b.Id
               where businessId == null || a.BusinessId == businessId
               orderby a.At descending
               select new AdminActionRow(a.At, a.BusinessId, b.Name, a.Kind, a.AdminEmail, a.Reason, a.Detail)).Take(take).ToListAsync(ct);

    /// <summary>Each business's first owner account (the one the business was created with).</summary>
    internal static async Task<Dictionary<Guid, string>> OwnersAsync(LeadsDbContext db, CancellationToken ct, Guid? businessId = null)
    {
        var owners = await (from u in db.Users
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join r in db.Roles on ur.RoleId equals r.Id
                            where r.Name == Roles.Owner && u.BusinessId != null && (businessId == null || u.BusinessId == businessId)
                            orderby u.CreatedAt
                            select new { BusinessId = u.BusinessId!.Value, u.Email }).ToListAsync(ct);
        return owners.Where(o => o.Email is not null).GroupBy(o => o.BusinessId).ToDictionary(g => g.Key, g => g.First().Email!);
    }

    internal static BusinessRow Row(Business b, string? owner, int leadsThisMonth, DateTimeOffset? lastActivity) =>
        new(b.Id, b.Name, b.BusinessType, b.PlanTier, b.TwilioPhoneNumber, owner, leadsThisMonth, lastActivity, b.IsSuspended, b.SuspensionReason, b.CreatedAt);

    static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
