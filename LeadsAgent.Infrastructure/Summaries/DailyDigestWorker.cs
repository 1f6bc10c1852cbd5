using System.Text.Json;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Notifications;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LeadsAgent.Infrastructure.Summaries;

/// <summary>
/// Queues each business's morning digest once its 7 a.m. has come (in its own time zone): a DAILY_DIGEST outbox row for
/// yesterday's local business day. The digest_runs key (business, day) makes it exactly once per business and day
/// across app instances and restarts; a digest missed while the app was down goes out when it is back, if it is still
/// the same local day. A day without leads sends nothing unless the owner asked for "no new leads" emails.
/// </summary>
public sealed partial class DailyDigestWorker(NpgsqlDataSource dataSource, IOptions<SummaryOptions> options, TimeProvider clock,
    ILogger<DailyDigestWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(logger, ex.GetType().Name);
            }

            await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, options.Value.DigestPollSeconds)), clock, stoppingToken);
        }
    }

    /// <summary>Decides every digest that is due now; returns how many digests it queued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var businesses = new List<(Guid Id, string Zone, bool WhenEmpty)>();
        await using (var command = dataSource.CreateCommand("SELECT id, time_zone, digest_when_empty FROM businesses WHERE daily_digest AND notification_email IS NOT NULL"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                businesses.Add((reader.GetGuid(0), reader.GetString(1), reader.GetBoolean(2)));
            }
        }

        var queued = 0;
        foreach (var (id, zoneId, whenEmpty) in businesses)
        {
            var zone = TimeZones.FindOrUtc(zoneId);
            if (DailyDigest.DueFor(now, zone) is not { } day)
            {
                continue;
            }

            queued += await DecideAsync(id, day, zone, whenEmpty, now, ct) ? 1 : 0;
        }

        return queued;
    }

    async Task<bool> DecideAsync(Guid businessId, DateOnly day, TimeZoneInfo zone, bool whenEmpty, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using (var seen = new NpgsqlCommand("SELECT 1 FROM digest_runs WHERE business_id = $1 AND day = $2", connection))
        {
            seen.Parameters.AddWithValue(businessId);
            seen.Parameters.AddWithValue(day);
            if (await seen.ExecuteScalarAsync(ct) is not null)
            {
                return false;
            }
        }

        var (start, end) = DailyDigest.Bounds(day, zone);
        long leads;
        await using (var count = new NpgsqlCommand("SELECT count(*) FROM leads WHERE business_id = $1 AND created_at >= $2 AND created_at < $3", connection))
        {
            count.Parameters.AddWithValue(businessId);
            count.Parameters.AddWithValue(start);
            count.Parameters.AddWithValue(end);
            leads = (long)(await count.ExecuteScalarAsync(ct) ?? 0L);
        }

        Guid? notificationId = leads > 0 || whenEmpty ? Guid.CreateVersion7() : null;
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var run = new NpgsqlCommand("""
            INSERT INTO digest_runs (business_id, day, lead_count, notification_id, created_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (business_id, day) DO NOTHING
            """, connection, tx))
        {
            run.Parameters.AddWithValue(businessId);
            run.Parameters.AddWithValue(day);
            run.Parameters.AddWithValue((int)leads);
            run.Parameters.AddWithValue((object?)notificationId ?? DBNull.Value);
            run.Parameters.AddWithValue(now);
            if (await run.ExecuteNonQueryAsync(ct) == 0)
            {
                // Another instance decided it first.
                await tx.RollbackAsync(ct);
                return false;
            }
        }

        if (notificationId is { } nid)
        {
            await using var row = new NpgsqlCommand("""
                INSERT INTO notifications (id, business_id, lead_id, kind, payload, status, attempts, next_attempt_at, created_at, updated_at)
                VALUES ($1, $2, NULL, 'DAILY_DIGEST', $3::jsonb, 'PENDING', 0, now(), now(), now())
                """, connection, tx);
            row.Parameters.AddWithValue(nid);
            row.Parameters.AddWithValue(businessId);
            row.Parameters.AddWithValue(JsonSerializer.Serialize(new { day = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }));
            await row.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        LogDecided(logger, businessId, day, leads, notificationId is not null);
        return notificationId is not null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily digest of {BusinessId} for {Day}: {Leads} leads, email queued {Queued}")]
    private static partial void LogDecided(ILogger logger, Guid businessId, DateOnly day, long leads, bool queued);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Daily digest pass failed ({Reason}); retrying")]
    private static partial void LogPassFailed(ILogger logger, string reason);
}
