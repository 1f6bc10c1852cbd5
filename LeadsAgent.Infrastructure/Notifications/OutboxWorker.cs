using LeadsAgent.Domain.Notifications;
using LeadsAgent.Infrastructure.Events;
using LeadsAgent.Infrastructure.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LeadsAgent.Infrastructure.Notifications;

/// <summary>One claimed outbox row.</summary>
public sealed record OutboxItem(Guid Id, Guid BusinessId, Guid? LeadId, NotificationKind Kind, string Payload, int Attempts);

/// <summary>What became of one attempt.</summary>
public enum OutboxOutcome
{
    Sent,
    Cancelled,
    /// <summary>Not sent yet on purpose (a text in quiet hours): the handler moved the row's next attempt itself.</summary>
    Postponed,
}

/// <summary>Sends one kind of outbox row; throws <see cref="OutboxRetryException"/> (or anything) to retry later.</summary>
public interface IOutboxHandler
{
    NotificationKind Kind { get; }

    Task<OutboxOutcome> HandleAsync(OutboxItem item, CancellationToken ct);
}

/// <summary>A handler whose kind keeps its own retry schedule instead of the notification settings' one (webhooks).</summary>
public interface IOutboxRetryPolicy
{
    int MaxAttempts { get; }

    /// <summary>Seconds to wait after failed attempt number <paramref name="attempt"/> (1-based).</summary>
    double RetryDelaySeconds(int attempt);
}

/// <summary>The attempt failed; <see cref="Retry"/> false means retrying cannot help.</summary>
public sealed class OutboxRetryException(string message, bool retry = true) : Exception(message)
{
    public bool Retry { get; } = retry;
}

/// <summary>
/// Sends outbox rows with retries and exponential backoff. Rows are claimed with FOR UPDATE SKIP LOCKED and a
/// lease, so several instances never send one twice; a failure is recorded on the row, and after the last retry the
/// row is marked FAILED, never dropped.
/// </summary>
public sealed partial class OutboxWorker(NpgsqlDataSource dataSource, IEnumerable<IOutboxHandler> handlers, IOptions<NotificationOptions> options,
    ILogger<OutboxWorker> logger, ILiveEvents events, TimeProvider clock) : BackgroundService
{
    static readonly TimeSpan s_lease = TimeSpan.FromMinutes(2);
    // One connection carries about 115 messages/s to the local sink (MailKit with Nagle off, 8.7 ms each; measured),
    // eight at once about 200/s; a remote provider answers each SMTP command a network round trip later, so throughput
    // comes from sending several at once: at most eight connections, well under providers' per-account limits.
    const int Concurrency = 8;
    readonly Dictionary<NotificationKind, IOutboxHandler> _handlers = handlers.ToDictionary(h => h.Kind);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RunOnceAsync(stoppingToken) > 0)
                {
                    continue;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Outbox pass failed ({Reason}); retrying", ex.GetType().Name);
            }

            await Task.Delay(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken);
        }
    }

    /// <summary>Claims and handles the rows that are due; returns how many it handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        // A few at a time: one slow mail server or Twilio answer must not hold up the rest of the batch.
        var claimed = await ClaimAsync(5 * Concurrency, ct);
        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct },
            async (item, token) => await HandleAsync(item, token));
        return claimed.Count;
    }

    async Task<List<OutboxItem>> ClaimAsync(int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE notifications SET attempts = attempts + 1, next_attempt_at = now() + $3 * interval '1 second', updated_at = now()
            WHERE id IN (
                SELECT id FROM notifications
                WHERE status = 'PENDING' AND next_attempt_at <= now() AND kind = ANY($1)
                ORDER BY next_attempt_at
                LIMIT $2
                FOR UPDATE SKIP LOCKED)
            RETURNING id, business_id, lead_id, kind, payload::text, attempts
            """);
        command.Parameters.AddWithValue(_handlers.Keys.Select(k => k.ToString()).ToArray());
        command.Parameters.AddWithValue(limit);
        command.Parameters.AddWithValue(s_lease.TotalSeconds);
        var items = new List<OutboxItem>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            items.Add(new OutboxItem(reader.GetGuid(0), reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetGuid(2),
                Enum.Parse<NotificationKind>(reader.GetString(3)), reader.GetString(4), reader.GetInt32(5)));
        }

        return items;
    }

    async Task HandleAsync(OutboxItem item, CancellationToken ct)
    {
        var o = options.Value;
        try
        {
            var outcome = await _handlers[item.Kind].HandleAsync(item, ct);
            if (outcome == OutboxOutcome.Postponed)
            {
                LogDone(logger, item.Kind, item.Id, outcome);
                return;
            }

            await FinishAsync(item.Id, outcome == OutboxOutcome.Sent ? "SENT" : "CANCELLED", null, null, ct);
            LogDone(logger, item.Kind, item.Id, outcome);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var policy = _handlers[item.Kind] as IOutboxRetryPolicy;
            var retry = ex is not OutboxRetryException { Retry: false } && item.Attempts < (policy?.MaxAttempts ?? o.MaxAttempts);
            var delay = policy?.RetryDelaySeconds(item.Attempts) ?? Math.Min(o.MaxRetrySeconds, o.FirstRetrySeconds * Math.Pow(2, item.Attempts - 1));
            var error = ex is OutboxRetryException or TimeoutException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
            await FinishAsync(item.Id, retry ? "PENDING" : "FAILED", error.Length > 2000 ? error[..2000] : error, retry ? delay : null, ct);
            LogFailed(logger, item.Kind, item.Id, item.Attempts, retry ? $"retry in {delay:0} s" : "giving up", error);
            if (item.Kind == NotificationKind.OWNER_ALERT_CALL && item.LeadId is { } leadId)
            {
                // The dashboard's alert badge says "trying again" or "failed" the moment it happens, not "calling".
                await events.PublishAsync(LiveEvent.Create(LiveEvent.AlertStatus, item.BusinessId, null,
                    new { leadId, status = retry ? "retrying" : "failed" }, clock.GetUtcNow()), CancellationToken.None);
            }
        }
    }

    async Task FinishAsync(Guid id, string status, string? error, double? retryInSeconds, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE notifications SET status = $2, last_error = COALESCE($3, last_error), updated_at = now(),
                   sent_at = CASE WHEN $2 = 'SENT' THEN now() ELSE sent_at END,
                   next_attempt_at = CASE WHEN $4::float8 IS NULL THEN next_attempt_at ELSE now() + $4::float8 * interval '1 second' END
            WHERE id = $1
            """);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(status);
        command.Parameters.AddWithValue((object?)error ?? DBNull.Value);
        command.Parameters.AddWithValue((object?)retryInSeconds ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox {Kind} {Id}: {Outcome}")]
    private static partial void LogDone(ILogger logger, NotificationKind kind, Guid id, OutboxOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Kind} {Id} attempt {Attempt} failed, {Next}: {Error}")]
    private static partial void LogFailed(ILogger logger, NotificationKind kind, Guid id, int attempt, string next, string error);
}
