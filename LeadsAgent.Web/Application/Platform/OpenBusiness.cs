using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Platform;

/// <summary>
/// A platform admin opens a business to see what its owner sees (settings, questions, knowledge, recent leads),
/// read-only. Every opening is written to the audit (who, when, which business) before anything is shown.
/// </summary>
public sealed class OpenBusiness(IDbContextFactory<LeadsDbContext> contexts, TenantScope tenant, TimeProvider clock)
{
    /// <param name="audit">False only when the page reloads after an action of its own (that action is audited).</param>
    public async Task<BusinessView> HandleAsync(Guid businessId, AdminActor admin, bool audit = true, CancellationToken ct = default)
    {
        tenant.AcrossBusinesses("platform: open a business read-only");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var business = await db.Businesses.AsNoTracking().SingleOrDefaultAsync(b => b.Id == businessId, ct) ?? throw new NotFoundException("Business");
        var now = clock.GetUtcNow();
        if (audit)
        {
            db.AdminActions.Add(admin.Did(businessId, AdminActionKind.OPENED, now));
            await db.SaveChangesAsync(ct);
        }

        var config = await db.AgentConfigs.AsNoTracking().Include(c => c.Questions).SingleOrDefaultAsync(c => c.BusinessId == businessId, ct)
            ?? new AgentConfig { BusinessId = businessId };
        var knowledge = await db.KnowledgeDocuments.CountAsync(d => d.BusinessId == businessId, ct);
        var monthStart = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var leadsThisMonth = await db.Leads.CountAsync(l => l.BusinessId == businessId && l.CreatedAt >= monthStart, ct);
        var recent = await db.Leads.AsNoTracking().Where(l => l.BusinessId == businessId).OrderByDescending(l => l.CreatedAt).Take(10)
            .Select(l => new { l.Id, l.CreatedAt, l.ContactName, l.ContactPhone, l.Channel, l.Priority, l.Status }).ToListAsync(ct);
        var lastConversation = await db.Conversations.Where(c => c.BusinessId == businessId).MaxAsync(c => (DateTimeOffset?)c.StartedAt, ct);
        var lastLead = recent.Count > 0 ? recent[0].CreatedAt : (DateTimeOffset?)null;
        var last = lastConversation is null ? lastLead : lastLead is null || lastConversation > lastLead ? lastConversation : lastLead;
        var owners = await PlatformQueries.OwnersAsync(db, ct, businessId);
        var history = await PlatformQueries.RecentActionsAsync(db, 20, businessId, ct);
        return new BusinessView(
            PlatformQueries.Row(business, owners.GetValueOrDefault(businessId), leadsThisMonth, last),
            business.TimeZone, business.NotificationEmail, business.NotificationPhoneNumber, config,
            config.OrderedQuestions.ToList(), knowledge,
            recent.Select(l => new LeadSummary(l.Id, l.CreatedAt, l.ContactName ?? l.ContactPhone ?? "Unknown caller", l.Channel, l.Priority, l.Status)).ToList(),
            history);
    }
}
