using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Webhooks;
using LeadsAgent.Web.Application.Display;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Leads;

/// <summary>
/// Moves a lead along (new, contacted, qualified, closed) and keeps the owner's notes: one use case for the lead
/// page, the leads grid and the JSON API. Throws <see cref="NotFoundException"/> for a lead the owner cannot see,
/// and <see cref="DomainException"/> (field "status") when the lead would go back to new.
/// </summary>
public sealed class UpdateLead(IDbContextFactory<LeadsDbContext> contexts, TimeProvider clock, WebhookEventWriter webhooks)
{
    public const int MaxNotes = 4000;

    public async Task<Lead> HandleAsync(Guid leadId, LeadStatus? status, string? notes, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var lead = await db.Leads.SingleOrDefaultAsync(l => l.Id == leadId, ct) ?? throw new NotFoundException("Lead");
        var now = clock.GetUtcNow();
        var (oldStatus, oldNotes) = (lead.Status, lead.Notes);
        if (status is { } s)
        {
            lead.ChangeStatus(s, now);
        }

        if (notes is not null)
        {
            if (notes.Length > MaxNotes)
            {
                throw new DomainException($"Notes may be at most {MaxNotes:N0} characters.", "notes");
            }

            lead.Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
            lead.UpdatedAt = now;
        }

        if (lead.Status != oldStatus || lead.Notes != oldNotes)
        {
            // In the same transaction as the change, so a receiver hears of every saved change and of nothing else.
            var business = await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == lead.BusinessId, ct);
            await webhooks.AddAsync(db, business, Domain.Webhooks.WebhookEvents.LeadUpdated, WebhookEventWriter.LeadData(lead), lead.Id, now, ct);
        }

        await db.SaveChangesAsync(ct);
        return lead;
    }

    /// <summary>Why a status change was refused, in the owner's words (the domain's message names codes).</summary>
    public static string RefusedInWords(LeadStatus current, LeadStatus wanted) =>
        wanted == LeadStatus.NEW
            ? $"This lead is already marked {Words.Status(current).ToLowerInvariant()}, so it can't go back to new. Pick Contacted, Qualified or Closed."
            : "That change could not be saved.";
}
