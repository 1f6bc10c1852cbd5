using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Infrastructure.Events;
using LeadsAgent.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Emergencies;

/// <summary>
/// Someone took an emergency: from the dashboard (the owner's email) or by pressing 1 on the alert call. Recorded on
/// the lead with who and when, every pending escalation call cancelled, and the dashboards told at once. The first
/// acknowledgement stands; a second one changes nothing.
/// </summary>
public sealed class AcknowledgeEmergency(IDbContextFactory<LeadsDbContext> contexts, ILiveEvents events, TimeProvider clock)
{
    /// <summary>Returns false when the emergency had already been taken. The lead must be visible to the scope's tenant.</summary>
    public async Task<bool> HandleAsync(Guid leadId, string by, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandleAsync(db, leadId, by, ct);
    }

    /// <summary>The same, inside a unit of work the caller already has (the alert-call webhook's).</summary>
    public async Task<bool> HandleAsync(LeadsDbContext db, Guid leadId, string by, CancellationToken ct)
    {
        var lead = await db.Leads.AsNoTracking().Where(l => l.Id == leadId).Select(l => new { l.BusinessId, l.SessionId }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Lead");
        var now = clock.GetUtcNow();
        by = by.Length > 200 ? by[..200] : by;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // Conditional, so a press of 1 and a tap in the dashboard at the same moment record one acknowledgement.
            var taken = await db.Leads.Where(l => l.Id == leadId && l.AlertAcknowledgedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(l => l.AlertAcknowledgedAt, now).SetProperty(l => l.AlertAcknowledgedBy, by)
                    .SetProperty(l => l.UpdatedAt, now), ct);
            if (taken == 0)
            {
                return false;
            }

            await db.Notifications
                .Where(n => n.LeadId == leadId && n.Kind == NotificationKind.OWNER_ALERT_CALL && n.Status == NotificationStatus.PENDING)
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.Status, NotificationStatus.CANCELLED).SetProperty(n => n.UpdatedAt, now), ct);
            await tx.CommitAsync(ct);
        }

        await events.PublishAsync(LiveEvent.Create(LiveEvent.AlertStatus, lead.BusinessId, lead.SessionId,
            new { leadId = leadId, status = "acknowledged", by }, now), ct);
        return true;
    }
}
