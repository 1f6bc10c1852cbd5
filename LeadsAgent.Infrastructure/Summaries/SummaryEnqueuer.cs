using System.Text.Json;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LeadsAgent.Infrastructure.Summaries;

/// <summary>
/// Queues the owner's summary of a conversation that just ended, as the owner chose (email, text, both or off): a
/// CALL_SUMMARY outbox row for the email (written at send time, by the model when one is configured) and an SMS row
/// (purpose SUMMARY, BASIC and up) with the deterministic short text (worded by the model at send time when one is configured). Each at most once per conversation (a unique
/// index on the outbox), so the end being retried by the sweep or another instance queues nothing twice.
/// Empty chats (a widget opened, nothing typed) and simulated calls get none.
/// </summary>
public sealed partial class SummaryEnqueuer(NpgsqlDataSource dataSource, CallRecordings recordings, IServiceScopeFactory scopes, IOptions<ServerOptions> server,
    IOptions<FeatureOptions> features, IOptions<SummaryOptions> options, TimeProvider clock, ILogger<SummaryEnqueuer> logger)
{
    /// <summary>Called where a conversation is ended, once its row is written (or was written by an earlier try).</summary>
    public async Task EndedAsync(ConversationSession session, bool inserted, CancellationToken ct)
    {
        if (session.Simulated || !inserted && !session.PersistPending || session.Status == ConversationStatus.ACTIVE)
        {
            return;
        }

        if (session.Channel != Channel.VOICE && !session.History.Any(m => m.Role == "user"))
        {
            // A widget opened and closed with nothing typed: nothing to tell the owner.
            return;
        }

        try
        {
            await recordings.ApplyPendingAsync(session, ct);
            await EnqueueAsync(session, ct);
        }
        catch (Exception ex) when (DatabaseOutage.Is(ex))
        {
            LogLost(logger, session.SessionId, ex.GetType().Name);
        }
    }

    async Task EnqueueAsync(ConversationSession session, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.DbForBusiness(session.BusinessId);
        var conversationId = await db.Conversations.Where(c => c.SessionId == session.SessionId).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
        var business = await db.Businesses.AsNoTracking().SingleOrDefaultAsync(b => b.Id == session.BusinessId, ct);
        if (conversationId is not { } id || business is null)
        {
            return;
        }

        var plan = features.Value.EnablePlanTiers ? business.PlanTier : PlanTier.PRO;
        var delivery = business.SummaryDelivery;
        var email = delivery is SummaryDelivery.EMAIL or SummaryDelivery.BOTH && business.NotificationEmail is { Length: > 0 };
        var text = delivery is SummaryDelivery.TEXT or SummaryDelivery.BOTH && PlanRules.Allows(plan, PlanFeature.OwnerTexts)
            && business.NotificationPhoneNumber is { Length: > 0 };
        if (!email && !text)
        {
            return;
        }

        var language = session.Language is { } l && l != "en" ? l : null;
        var answeredByOwner = session.Metadata.GetValueOrDefault("answeredBy") == "owner";
        var now = clock.GetUtcNow();
        // A recorded call's email waits a little, so Twilio's recording callback can put the link in it.
        var due = session.Channel == Channel.VOICE && business.CallRecording && PlanRules.Allows(plan, PlanFeature.CallRecording)
            ? now.AddSeconds(options.Value.RecordingWaitSeconds) : now;

        await using var batch = dataSource.CreateBatch();
        if (email)
        {
            Add(batch, session.BusinessId, NotificationKind.CALL_SUMMARY,
                JsonSerializer.Serialize(new { summaryOf = id.ToString(), conversationId = id, language, answeredByOwner }), due, now);
        }

        if (text)
        {
            var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == id, ct);
            var lead = conversation.LeadId is { } leadId ? await db.Leads.AsNoTracking().SingleOrDefaultAsync(x => x.Id == leadId, ct) : null;
            var facts = SummaryFactsReader.Facts(business, conversation, lead, language, answeredByOwner, server.Value);
            var summary = ConversationSummary.Build(facts);
            Add(batch, session.BusinessId, NotificationKind.SMS, JsonSerializer.Serialize(new
            {
                to = business.NotificationPhoneNumber,
                body = summary.Short,
                purpose = "SUMMARY",
                urgent = facts.Priority == LeadPriority.URGENT,
                summaryOf = id.ToString(),
                // For the model's wording at send time (the body above is the fallback).
                language,
                answeredByOwner,
            }), now, now);
        }

        var queued = 0;
        await using var reader = await batch.ExecuteReaderAsync(ct);
        do
        {
            while (await reader.ReadAsync(ct))
            {
                queued++;
            }
        }
        while (await reader.NextResultAsync(ct));

        LogQueued(logger, session.SessionId, queued, email, text ? Pii.MaskPhone(business.NotificationPhoneNumber) : "-");
    }

    static void Add(NpgsqlBatch batch, Guid businessId, NotificationKind kind, string payload, DateTimeOffset due, DateTimeOffset now)
    {
        // ux_notifications_summary_once (migration Summaries): one summary of each kind per conversation.
        var command = new NpgsqlBatchCommand("""
            INSERT INTO notifications (id, business_id, lead_id, kind, payload, status, attempts, next_attempt_at, created_at, updated_at)
            VALUES ($1, $2, NULL, $3, $4::jsonb, 'PENDING', 0, $5, $6, $6)
            ON CONFLICT (kind, (payload->>'summaryOf')) WHERE payload ? 'summaryOf' DO NOTHING
            RETURNING id
            """);
        command.Parameters.AddWithValue(Guid.CreateVersion7());
        command.Parameters.AddWithValue(businessId);
        command.Parameters.AddWithValue(kind.ToString());
        command.Parameters.AddWithValue(payload);
        command.Parameters.AddWithValue(due);
        command.Parameters.AddWithValue(now);
        batch.BatchCommands.Add(command);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Summary of {SessionId} queued ({Rows} rows; email {Email}, text to {Phone})")]
    private static partial void LogQueued(ILogger logger, string sessionId, int rows, bool email, string phone);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Summary of {SessionId} not queued: the database is unavailable ({Reason})")]
    private static partial void LogLost(ILogger logger, string sessionId, string reason);
}
