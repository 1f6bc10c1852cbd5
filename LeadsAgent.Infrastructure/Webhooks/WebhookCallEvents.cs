using System.Security.Cryptography;
using System.Text;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Webhooks;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LeadsAgent.Infrastructure.Webhooks;

/// <summary>
/// <c>call.completed</c> when a phone conversation has ended and been written. Its event id comes from the session, so an
/// end written again (a retry, another instance) never sends a second event: the delivery is unique per endpoint and event.
/// </summary>
public sealed partial class WebhookCallEvents(IServiceScopeFactory scopes, WebhookEventWriter writer, TimeProvider clock, ILogger<WebhookCallEvents> logger)
{
    public async Task ConversationEndedAsync(ConversationSession session, CancellationToken ct)
    {
        if (session.Channel != Channel.VOICE || session.Simulated)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.DbForBusiness(session.BusinessId);
            var business = await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == session.BusinessId, ct);
            var ended = session.EndedAt ?? clock.GetUtcNow();
            var data = new
            {
                callSid = session.Metadata.GetValueOrDefault("callSid"),
                from = session.Metadata.GetValueOrDefault("from"),
                to = session.Metadata.GetValueOrDefault("to"),
                startedAt = session.StartedAt,
                endedAt = ended,
                // Twilio's own CallDuration when its status callback gave one; otherwise the session's span.
                durationSeconds = int.TryParse(session.Metadata.GetValueOrDefault("callDuration"), out var twilioSeconds)
                    ? twilioSeconds : (int)Math.Max(0, (ended - session.StartedAt).TotalSeconds),
                outcome = session.Status,
                leadId = session.LeadId,
                priority = session.Priority,
                emergency = session.EmergencyDetected,
                callerName = session.CallerName,
                language = session.Language,
            };
            var eventId = "evt_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("call.completed:" + session.SessionId)))[..32];
            if (await writer.AddAsync(db, business, WebhookEvents.CallCompleted, data, session.LeadId, clock.GetUtcNow(), ct, eventId) > 0)
            {
                await db.SaveChangesAsync(ct);
            }
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Written already by an earlier end of this call.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The call is stored either way; only its webhook is missing, and the log says so.
            LogFailed(logger, session.BusinessId, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "call.completed for business {BusinessId} not written ({Reason})")]
    private static partial void LogFailed(ILogger logger, Guid businessId, string reason);
}
