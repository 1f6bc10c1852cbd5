using System.Text.Json;
using System.Text.Json.Serialization;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Domain.Webhooks;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Infrastructure.Webhooks;

/// <summary>
/// Turns something that happened into one delivery and one outbox row per enabled endpoint subscribed to it, added to
/// the caller's unit of work, so the event is stored in the same transaction as what it reports (a lead and its
/// <c>lead.created</c> exist together or not at all). Nothing is written for a plan without webhooks.
/// </summary>
public sealed class WebhookEventWriter(IOptions<FeatureOptions> features)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Adds the event's rows to <paramref name="db"/> (the caller saves); returns how many endpoints get it.</summary>
    /// <param name="eventId">A stable id for an event that may be written twice (one ended call); otherwise a new one.</param>
    public async Task<int> AddAsync(LeadsDbContext db, Business business, string type, object data, Guid? leadId, DateTimeOffset now,
        CancellationToken ct, string? eventId = null)
    {
        var plan = features.Value.EnablePlanTiers ? business.PlanTier : PlanTier.PRO;
        if (!PlanRules.Allows(plan, PlanFeature.Webhooks))
        {
            return 0;
        }

        var endpoints = await db.WebhookEndpoints.AsNoTracking()
            .Where(e => e.BusinessId == business.Id && e.Enabled && e.Events.Contains(type))
            .ToListAsync(ct);
        if (endpoints.Count == 0)
        {
            return 0;
        }

        eventId ??= NewEventId();
        var body = Envelope(eventId, type, business.Id, data, now);
        foreach (var endpoint in endpoints)
        {
            var delivery = NewDelivery(endpoint, eventId, type, body, now);
            db.WebhookDeliveries.Add(delivery);
            db.Notifications.Add(OutboxRow(delivery, leadId, now));
        }

        return endpoints.Count;
    }

    public static string NewEventId() => "evt_" + Guid.CreateVersion7().ToString("N");

    /// <summary>The body every receiver gets: <c>{"id","type","created","business_id","data"}</c>.</summary>
    public static string Envelope(string eventId, string type, Guid businessId, object data, DateTimeOffset now) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = eventId,
            ["type"] = type,
            ["created"] = now.ToUnixTimeSeconds(),
            ["business_id"] = businessId,
            ["data"] = data,
        }, Json);

    public static WebhookDelivery NewDelivery(WebhookEndpoint endpoint, string eventId, string type, string body, DateTimeOffset now) => new()
    {
        BusinessId = endpoint.BusinessId,
        EndpointId = endpoint.Id,
        EventId = eventId,
        EventType = type,
        Payload = body,
        CreatedAt = now,
    };

    public static Notification OutboxRow(WebhookDelivery delivery, Guid? leadId, DateTimeOffset now) => new()
    {
        BusinessId = delivery.BusinessId,
        LeadId = leadId,
        Kind = NotificationKind.WEBHOOK_DELIVERY,
        Payload = JsonSerializer.Serialize(new { deliveryId = delivery.Id, endpointId = delivery.EndpointId, eventType = delivery.EventType }),
        NextAttemptAt = now,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>A lead as the API shows it (the same fields as <c>GET /api/admin/leads/{id}</c>), plus its notes and last change.</summary>
    public static object LeadData(Lead l) => new
    {
        id = l.Id,
        priority = l.Priority,
        status = l.Status,
        channel = l.Channel,
        contactName = l.ContactName,
        contactPhone = l.ContactPhone,
        contactEmail = l.ContactEmail,
        address = l.Address,
        notes = l.Notes,
        capturedData = l.CapturedData,
        emergencyReasons = l.EmergencyReasons,
        createdAt = l.CreatedAt,
        updatedAt = l.UpdatedAt,
    };
}
