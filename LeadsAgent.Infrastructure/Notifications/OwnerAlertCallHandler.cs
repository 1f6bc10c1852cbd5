using System.Text.Json;
using System.Text.Json.Nodes;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Events;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using LeadsAgent.Infrastructure.Twilio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static LeadsAgent.Infrastructure.Twilio.TwiML;

namespace LeadsAgent.Infrastructure.Notifications;

/// <summary>
/// Calls the owner about an URGENT lead through Twilio's Calls API: a short spoken summary (what, where, call-back
/// number) and "press 1 to accept". Placing the call also schedules an escalation row; if nobody has pressed 1 by
/// then, the backup number is called. Each attempt and its outcome stays on the lead's timeline.
/// </summary>
public sealed class OwnerAlertCallHandler(
    IServiceScopeFactory scopes,
    TwilioCallsClient calls,
    IOptions<TwilioOptions> twilio,
    IOptions<NotificationOptions> options,
    ILiveEvents events,
    TimeProvider clock) : IOutboxHandler
{
    public NotificationKind Kind => NotificationKind.OWNER_ALERT_CALL;

    public async Task<OutboxOutcome> HandleAsync(OutboxItem item, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.DbForBusiness(item.BusinessId);
        var payload = JsonNode.Parse(item.Payload)!.AsObject();
        var lead = await db.Leads.SingleOrDefaultAsync(l => l.Id == item.LeadId, ct)
            ?? throw new OutboxRetryException("The lead no longer exists.", retry: false);
        var business = await db.Businesses.SingleAsync(b => b.Id == item.BusinessId, ct);

        if (lead.AlertAcknowledgedAt is not null)
        {
            // Someone already pressed 1: the escalation is not needed.
            return OutboxOutcome.Cancelled;
        }

        var to = payload["to"]?.GetValue<string>() ?? throw new OutboxRetryException("No number to call.", retry: false);
        var from = business.TwilioPhoneNumber ?? twilio.Value.PhoneNumber ?? throw new OutboxRetryException("No Twilio number to call from (TWILIO_PHONE_NUMBER).");
        var baseUrl = twilio.Value.WebhookBaseUrl?.TrimEnd('/') ?? throw new OutboxRetryException("TWILIO_WEBHOOK_BASE_URL is not set, so the owner could not answer the call.");

        var what = Short(lead.Notes ?? lead.EmergencyReasons.FirstOrDefault()?.Phrase ?? "an emergency", 160);
        var where = lead.Address is { } a ? $" at {Short(a, 120)}" : "";
        var callback = lead.ContactPhone is { } p ? $" Call back {ReplyShaper.ReadPhone(p)}." : "";
        var summary = $"Emergency from your receptionist for {business.Name}: {what}{where}.{callback}";
        var twiml = RenderCompact(Response(
            TwiML.Gather(new GatherOptions(Input: "dtmf", Action: $"{baseUrl}/api/voice/alert/answer?n={item.Id}", Method: "POST", Timeout: 10, NumDigits: 1),
                Say(summary + " Press 1 to accept this job."), Pause(1), Say(summary + " Press 1 to accept.")),
            Say("We did not hear from you, so we will call your backup number. Goodbye."),
            Hangup()));

        try
        {
            var call = await calls.CreateCallAsync(to, from, twiml, $"{baseUrl}/api/voice/alert/status?n={item.Id}", ct);
            payload["callSid"] = call.Sid;
            payload["placedAt"] = clock.GetUtcNow();
        }
        catch (TwilioApiException ex)
        {
            throw new OutboxRetryException(ex.Message, ex.Retryable);
        }

        var escalating = payload["escalation"]?.GetValue<bool>() == true;
        var row = await db.Notifications.SingleAsync(n => n.Id == item.Id, ct);
        row.Payload = payload.ToJsonString();
        // Marked sent here, with the call's id, not only when the worker finishes the item: the dashboard reloads on the
        // event below, and must read "calling you now" then, not a row still waiting.
        row.Status = NotificationStatus.SENT;
        row.SentAt = row.UpdatedAt = clock.GetUtcNow();
        if (!escalating)
        {
            var backup = payload["backup"]?.GetValue<string>() ?? business.BackupPhoneNumber ?? to;
            var now = clock.GetUtcNow();
            db.Notifications.Add(new Notification
            {
                BusinessId = business.Id,
                LeadId = lead.Id,
                Kind = NotificationKind.OWNER_ALERT_CALL,
                Payload = JsonSerializer.Serialize(new { to = backup, escalation = true, after = item.Id }),
                NextAttemptAt = now.AddSeconds(options.Value.AlertAckTimeoutSeconds),
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        await db.SaveChangesAsync(ct);
        await events.PublishAsync(LiveEvent.Create(LiveEvent.AlertStatus, business.Id, lead.SessionId,
            new { leadId = lead.Id, status = escalating ? "escalated" : "called" }, clock.GetUtcNow()), ct);
        return OutboxOutcome.Sent;
    }

    static string Short(string s, int max) => s.Length <= max ? s : s[..max];
}
