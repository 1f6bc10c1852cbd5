using System.Text.Json;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using LeadsAgent.Infrastructure.Webhooks;
using LeadsAgent.Infrastructure.Texts;
using LeadsAgent.Domain.Texts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LeadsAgent.Infrastructure.Conversations;

/// <summary>
/// Stores a lead the moment the engine completes it, with its notification outbox rows in the same transaction, so
/// an alert never waits for the caller to hang up and is never lost to a mail server or Twilio outage. One lead per
/// session: a retried webhook gets the lead already stored.
/// </summary>
public sealed class LeadRecorder(IServiceScopeFactory scopes, IOptions<FeatureOptions> features, IOptions<TwilioOptions> twilio, IOptions<ServerOptions> server,
    TimeProvider clock, WebhookEventWriter webhooks)
{
    public sealed record Stored(Guid LeadId, bool Created);

    /// <param name="language">The conversation's language, for the caller's confirmation text.</param>
    /// <param name="callerNumber">The number that phoned or texted (caller ID), where the confirmation goes.</param>
    /// <param name="continues">The call this conversation carries on (a text after a hang-up): its partial lead is completed, not doubled.</param>
    public async Task<Stored> StoreAsync(Business business, LeadDraft draft, Channel channel, string sessionId, CancellationToken ct,
        string? language = null, string? callerNumber = null, string? continues = null)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.DbForBusiness(business.Id);
        var existing = await db.Leads.Where(l => l.SessionId == sessionId).Select(l => (Guid?)l.Id).SingleOrDefaultAsync(ct);
        if (existing is not null)
        {
            return new Stored(existing.Value, false);
        }

        var now = clock.GetUtcNow();
        var texts = await db.TextSettings.AsNoTracking().SingleOrDefaultAsync(ct);
        if (continues is not null && await db.Leads.SingleOrDefaultAsync(l => l.SessionId == continues, ct) is { } partial
            && LeadDraft.IsPartial(partial))
        {
            return await CompleteAsync(db, business, partial, draft, sessionId, now, texts, language, callerNumber, ct);
        }

        var lead = draft.ToLead(business.Id, channel, sessionId, now);
        // One SaveChanges is one transaction: the lead and its outbox rows are stored together or not at all.
        db.Leads.Add(lead);
        foreach (var notification in Notifications(business, lead, now, texts, draft.Partial, language, callerNumber))
        {
            db.Notifications.Add(notification);
        }

        await AddWebhookEventsAsync(db, business, lead, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            return new Stored(lead.Id, true);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another instance stored this session's lead a moment ago.
            db.ChangeTracker.Clear();
            var id = await db.Leads.Where(l => l.SessionId == sessionId).Select(l => l.Id).SingleAsync(ct);
            return new Stored(id, false);
        }
    }

    /// <summary>
    /// One request, one lead: the call's partial lead becomes the complete one (or stays partial with more in it), and the owner (and the caller) hear about
    /// it as about a new complete lead, except an emergency call the owner was already phoned about. Webhooks get
    /// lead.updated, and emergency.detected only if the text made it one.
    /// </summary>
    async Task<Stored> CompleteAsync(LeadsDbContext db, Business business, Lead partial, LeadDraft draft, string sessionId, DateTimeOffset now,
        TextSettings? texts, string? language, string? callerNumber, CancellationToken ct)
    {
        var wasUrgent = partial.Priority == LeadPriority.URGENT;
        draft.Complete(partial, sessionId, now);
        // A text conversation that also broke off leaves the lead partial: the owner already has it.
        var notifications = draft.Partial ? [] : Notifications(business, partial, now, texts, false, language, callerNumber);
        foreach (var notification in notifications.Where(n => !(wasUrgent && n.Kind == NotificationKind.OWNER_ALERT_CALL)))
        {
            db.Notifications.Add(notification);
        }

        var data = WebhookEventWriter.LeadData(partial);
        await webhooks.AddAsync(db, business, Domain.Webhooks.WebhookEvents.LeadUpdated, data, partial.Id, now, ct);
        if (!wasUrgent && partial.Priority == LeadPriority.URGENT)
        {
            await webhooks.AddAsync(db, business, Domain.Webhooks.WebhookEvents.EmergencyDetected, data, partial.Id, now, ct);
        }

        await db.SaveChangesAsync(ct);
        return new Stored(partial.Id, true);
    }

    /// <summary>lead.created for every lead, and emergency.detected for an urgent one, in the lead's transaction.</summary>
    async Task AddWebhookEventsAsync(LeadsDbContext db, Business business, Lead lead, DateTimeOffset now, CancellationToken ct)
    {
        var data = WebhookEventWriter.LeadData(lead);
        await webhooks.AddAsync(db, business, Domain.Webhooks.WebhookEvents.LeadCreated, data, lead.Id, now, ct);
        if (lead.Priority == LeadPriority.URGENT)
        {
            await webhooks.AddAsync(db, business, Domain.Webhooks.WebhookEvents.EmergencyDetected, data, lead.Id, now, ct);
        }
    }

    /// <summary>The owner notifications a new lead gets (the outbox rows; the call simulator shows them without storing).</summary>
    public IEnumerable<Notification> Notifications(Business business, Lead lead, DateTimeOffset now, TextSettings? texts = null, bool partial = false,
        string? language = null, string? callerNumber = null)
    {
        var plan = features.Value.EnablePlanTiers ? business.PlanTier : PlanTier.PRO;
        if (!string.IsNullOrWhiteSpace(business.NotificationEmail))
        {
            yield return new Notification
            {
                BusinessId = business.Id,
                LeadId = lead.Id,
                Kind = NotificationKind.OWNER_EMAIL,
                Payload = JsonSerializer.Serialize(new { to = business.NotificationEmail, priority = lead.Priority.ToString() }),
                NextAttemptAt = now,
                CreatedAt = now,
                UpdatedAt = now,
            };
        }

        var alertNumber = business.NotificationPhoneNumber ?? business.BackupPhoneNumber;
        if (lead.Priority == LeadPriority.URGENT && PlanRules.Allows(plan, PlanFeature.EmergencyVoiceCalls)
            && features.Value.EnableEmergencyVoiceCalls && alertNumber is not null)
        {
            yield return new Notification
            {
                BusinessId = business.Id,
                LeadId = lead.Id,
                Kind = NotificationKind.OWNER_ALERT_CALL,
                Payload = JsonSerializer.Serialize(new { to = alertNumber, backup = business.BackupPhoneNumber, attempt = 1 }),
                NextAttemptAt = now,
                CreatedAt = now,
                UpdatedAt = now,
            };
        }

        // Texts (issue 18): none until Twilio is configured, so a fresh install does not fill the outbox with failures.
        if (twilio.Value.IsConfigured)
        {
            var link = $"{(server.Value.PublicBaseUrl ?? $"http://{server.Value.ListenAddress}:{server.Value.Port}").TrimEnd('/')}/leads/{lead.Id}";
            foreach (var text in TextOutbox.ForLead(business, texts ?? TextSettings.Default(business.Id), plan, lead, partial, language, callerNumber, link, now))
            {
                yield return text;
            }
        }
    }
}
