using System.Security.Cryptography;
using System.Text.Json;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Redis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using DomainBusy = LeadsAgent.Domain.Booking.BusyInterval;

namespace LeadsAgent.Infrastructure.Calendar;

/// <summary>
/// The owner's busy times from their CalDAV calendar, for the slot finder. A read waits at most
/// Calendar:BusyReadTimeoutSeconds and is reused from Redis for Calendar:BusyCacheSeconds, so a chat or call turn
/// rarely waits on the calendar server. Events we wrote (our bookings) are left out: the bookings already block their
/// time. When the calendar cannot be read, slots are offered from our own bookings alone and the connection keeps the
/// error for the settings page.
/// </summary>
public sealed partial class CalendarBusyTimes(CalDavClient client, CalendarSecrets secrets, RedisConnector redis, IOptions<RedisOptions> redisOptions,
    IOptions<CalendarOptions> options, NpgsqlDataSource dataSource, TimeProvider clock, ILogger<CalendarBusyTimes> logger)
{
    /// <summary>A failed read is not retried on every turn: the error is remembered this long.</summary>
    static readonly TimeSpan s_failureCache = TimeSpan.FromSeconds(30);

    /// <param name="db">A context scoped to the business (its calendar connection is read through it).</param>
    public async Task<IReadOnlyList<DomainBusy>> GetAsync(LeadsDbContext db, Guid businessId, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to,
        CancellationToken ct)
    {
        var connection = await db.CalendarConnections.AsNoTracking().SingleOrDefaultAsync(c => c.BusinessId == businessId, ct);
        if (connection is not { IsCalDavConnected: true })
        {
            return [];
        }

        // Whole UTC days, so the turns of a conversation (and of other callers) share one read. The connection time is
        // part of the key: connecting another calendar never reuses the old one's busy times.
        var start = new DateTimeOffset(from.UtcDateTime.Date, TimeSpan.Zero);
        var end = new DateTimeOffset(to.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        var key = $"{redisOptions.Value.KeyPrefix}calbusy:{businessId:N}:{connection.ConnectedAt?.UtcTicks}:{start:yyyyMMdd}:{(end - start).Days}";
        if (await ReadCacheAsync(key) is { } cached)
        {
            return cached;
        }

        var o = options.Value;
        string error;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(o.BusyReadTimeoutSeconds));
            var read = await client.GetBusyAsync(secrets.Account(connection), start, end, zone, timeout.Token);
            List<DomainBusy> busy = [.. read.Where(b => !CalendarSync.IsOurs(b.Uid)).Select(b => new DomainBusy(b.Start, b.End))];
            await RecordAsync(businessId, null, ct);
            await WriteCacheAsync(key, busy, TimeSpan.FromSeconds(o.BusyCacheSeconds));
            return busy;
        }
        catch (CalDavException ex)
        {
            error = ex.Message;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            error = $"Your calendar did not answer within {o.BusyReadTimeoutSeconds} seconds, so times were offered without checking it.";
        }
        catch (CryptographicException)
        {
            error = "The saved calendar password can no longer be read; connect your calendar again.";
        }

        LogReadFailed(logger, businessId);
        await RecordAsync(businessId, error, ct);
        await WriteCacheAsync(key, [], s_failureCache);
        return [];
    }

    /// <summary>Keeps the outcome on the connection in one statement (the caller's context may hold unsaved booking changes).</summary>
    async Task RecordAsync(Guid businessId, string? error, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var command = error is null
            ? dataSource.CreateCommand("UPDATE calendar_connections SET last_sync_at = $2, last_error = NULL, last_error_at = NULL WHERE business_id = $1")
            : dataSource.CreateCommand("UPDATE calendar_connections SET last_error = $3, last_error_at = $2 WHERE business_id = $1");
        command.Parameters.AddWithValue(businessId);
        command.Parameters.AddWithValue(now);
        if (error is not null)
        {
            command.Parameters.AddWithValue(error.Length <= Domain.Booking.CalendarConnection.MaxError ? error : error[..Domain.Booking.CalendarConnection.MaxError]);
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    async Task<List<DomainBusy>?> ReadCacheAsync(string key)
    {
        if (!redis.IsConfigured || options.Value.BusyCacheSeconds == 0)
        {
            return null;
        }

        try
        {
            var value = await (await redis.DatabaseAsync()).StringGetAsync(key);
            return value.IsNullOrEmpty ? null : [.. JsonSerializer.Deserialize<long[][]>(value.ToString())!.Select(p =>
                new DomainBusy(DateTimeOffset.FromUnixTimeMilliseconds(p[0]), DateTimeOffset.FromUnixTimeMilliseconds(p[1])))];
        }
        catch (Exception ex) when (RedisConnector.IsUnavailable(ex) || ex is JsonException)
        {
            return null;
        }
    }

    async Task WriteCacheAsync(string key, List<DomainBusy> busy, TimeSpan ttl)
    {
        if (!redis.IsConfigured || options.Value.BusyCacheSeconds == 0)
        {
            return;
        }

        try
        {
            var value = JsonSerializer.Serialize(busy.Select(b => new[] { b.Start.ToUnixTimeMilliseconds(), b.End.ToUnixTimeMilliseconds() }));
            await (await redis.DatabaseAsync()).StringSetAsync(key, value, ttl);
        }
        catch (Exception ex) when (RedisConnector.IsUnavailable(ex))
        {
            // Without Redis the next turn reads the calendar again; slower, not wrong.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Busy times of business {BusinessId} could not be read from its calendar; slots offered without them")]
    private static partial void LogReadFailed(ILogger logger, Guid businessId);
}
