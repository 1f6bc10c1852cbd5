using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Infrastructure.Tenancy;
using LeadsAgent.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Emergencies;

/// <summary>An emergency nobody has taken yet, as the banner shows it.</summary>
public sealed record OpenEmergency(
    Guid LeadId,
    string Who,
    string What,
    string? Where,
    string? CallbackPhone,
    DateTimeOffset At,
    AlertState Alert);

/// <summary>
/// The emergencies of a business that still wait for someone to take them. One list per business is shared by every
/// open dashboard and recomputed once per live event (see <see cref="SharedSnapshots{T}"/>), in its own scope limited
/// to that business.
/// </summary>
public sealed class EmergencyQueries(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>How long an untaken emergency keeps the banner up; after that it lives on the lead page only.</summary>
    public static readonly TimeSpan BannerWindow = TimeSpan.FromHours(24);

    readonly SharedSnapshots<IReadOnlyList<OpenEmergency>> _snapshots = new(clock, TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(250));

    /// <summary>URGENT leads of the last 24 hours that nobody acknowledged and that are still new, newest first.</summary>
    public Task<IReadOnlyList<OpenEmergency>> OpenAsync(Guid businessId, object? cause = null) =>
        _snapshots.GetAsync(businessId, cause, () => ComputeAsync(businessId));

    /// <summary>After an acknowledgement made here: the next read is fresh.</summary>
    public void Invalidate(Guid businessId) => _snapshots.Invalidate(businessId);

    async Task<IReadOnlyList<OpenEmergency>> ComputeAsync(Guid businessId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.DbForBusiness(businessId);
        var since = clock.GetUtcNow() - BannerWindow;
        var leads = await db.Leads.AsNoTracking()
            .Where(l => l.Priority == LeadPriority.URGENT && l.AlertAcknowledgedAt == null && l.Status == LeadStatus.NEW && l.CreatedAt >= since)
            .OrderByDescending(l => l.CreatedAt)
            .Take(20)
            .ToListAsync();
        var ids = leads.Select(l => l.Id).ToList();
        var calls = ids.Count == 0 ? [] : await db.Notifications.AsNoTracking()
            .Where(n => n.LeadId != null && ids.Contains(n.LeadId.Value) && n.Kind == NotificationKind.OWNER_ALERT_CALL)
            .ToListAsync();
        return [.. leads.Select(l => new OpenEmergency(
            l.Id,
            l.ContactName ?? "A caller",
            What(l),
            l.Address,
            l.ContactPhone,
            l.CreatedAt,
            AlertState.For(l, [.. calls.Where(c => c.LeadId == l.Id)])))];
    }

    /// <summary>What the emergency is, in the caller's words where we have them.</summary>
    public static string What(Lead lead) =>
        lead.EmergencyReasons.FirstOrDefault() is { } reason ? $"{Display.Words.Rule(reason.Rule)}: \u201c{reason.Phrase}\u201d"
        // The engine's own bracketed notes ("(partial: ...)") are not the caller's words.
        : lead.Notes is { Length: > 0 } notes && !notes.StartsWith('(') ? Short(notes)
        : "an urgent request (see the details)";

    static string Short(string s) => s.Length <= 120 ? s : s[..119] + "\u2026";
}
