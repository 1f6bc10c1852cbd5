using System.Text.Json.Nodes;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Infrastructure.Events;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using LeadsAgent.Web.Application.Display;
using LeadsAgent.Web.Application.Emergencies;
using Microsoft.EntityFrameworkCore;
using static LeadsAgent.Infrastructure.Twilio.TwiML;

namespace LeadsAgent.Web.Voice;

/// <summary>The owner's side of an emergency alert call: pressing 1 accepts the job; each call's outcome is recorded.</summary>
public static class OwnerAlertEndpoints
{
    public static void MapOwnerAlerts(this RouteGroupBuilder voice)
    {
        voice.MapPost("/alert/answer", AnswerAsync);
        voice.MapPost("/alert/status", StatusAsync);
    }

    static async Task<IResult> AnswerAsync(HttpRequest request, TenantScope tenant, LeadsDbContext db, AcknowledgeEmergency acknowledge, TimeProvider clock, CancellationToken ct)
    {
        // A signed Twilio callback names its alert by id, not by business: the alert's own row tells whose it is.
        tenant.AcrossBusinesses("owner alert call answered");
        var form = await request.ReadFormAsync(ct);
        if (!Guid.TryParse(request.Query["n"], out var id)
            || await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.Kind == NotificationKind.OWNER_ALERT_CALL, ct) is not { } alert)
        {
            return Xml(Response(Say("This alert is no longer active. Goodbye."), Hangup()));
        }

        var lead = await db.Leads.SingleAsync(l => l.Id == alert.LeadId, ct);
        if (form["Digits"].ToString() != "1")
        {
            return Xml(Response(Gather(new(Input: "dtmf", Action: $"/api/voice/alert/answer?n={id}", Method: "POST", Timeout: 10, NumDigits: 1),
                Say("Press 1 to accept this emergency job.")), Say("Goodbye."), Hangup()));
        }

        // The same use case as the dashboard's Acknowledge button: recorded with who, pending escalations cancelled.
        var to = JsonNode.Parse(alert.Payload)?["to"]?.GetValue<string>();
        await acknowledge.HandleAsync(db, lead.Id, to is null ? "the alert call" : $"the alert call to {PhoneDisplay.Format(to)}", ct);
        await db.Notifications.Where(n => n.Id == alert.Id && n.AcknowledgedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.AcknowledgedAt, clock.GetUtcNow()), ct);
        var callback = lead.ContactPhone is { } p ? $" The customer's number is {ReplyShaper.ReadPhone(p)}. Again, {ReplyShaper.ReadPhone(p)}." : "";
        return Xml(Response(Say($"Thank you, the job is yours.{callback} Goodbye."), Hangup()));
    }

    static async Task<IResult> StatusAsync(HttpRequest request, TenantScope tenant, LeadsDbContext db, ILiveEvents events, TimeProvider clock, CancellationToken ct)
    {
        tenant.AcrossBusinesses("owner alert call status");
        var form = await request.ReadFormAsync(ct);
        var status = form["CallStatus"].ToString();
        if (!Guid.TryParse(request.Query["n"], out var id) || status.Length is 0 or > 20
            || await db.Notifications.SingleOrDefaultAsync(n => n.Id == id, ct) is not { } alert)
        {
            return TypedResults.NoContent();
        }

        var payload = JsonNode.Parse(alert.Payload)!.AsObject();
        payload["outcome"] = status;
        alert.Payload = payload.ToJsonString();
        alert.UpdatedAt = clock.GetUtcNow();
        if (status is "busy" or "no-answer" or "failed" or "canceled" && alert.AcknowledgedAt is null)
        {
            // The owner did not pick up: call the backup now rather than after the full wait.
            var now = clock.GetUtcNow();
            await db.Notifications
                .Where(n => n.LeadId == alert.LeadId && n.Kind == NotificationKind.OWNER_ALERT_CALL && n.Status == NotificationStatus.PENDING && n.NextAttemptAt > now)
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.NextAttemptAt, now), ct);
        }

        await db.SaveChangesAsync(ct);
        if (alert.LeadId is { } leadId)
        {
            // Ringing, answered, no answer, busy, failed: the dashboard's alert badge follows the call.
            await events.PublishAsync(LiveEvent.Create(LiveEvent.AlertStatus, alert.BusinessId, null, new { leadId, status }, clock.GetUtcNow()), ct);
        }

        return TypedResults.NoContent();
    }

    static IResult Xml(Twilio.TwiML.VoiceResponse response) => TypedResults.Text(Render(response), "text/xml", System.Text.Encoding.UTF8);
}
