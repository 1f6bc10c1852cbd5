using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Conversations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Infrastructure.Sessions;

/// <summary>
/// Every second, writes back sessions kept in memory during a Redis outage and retries leads and conversations that
/// waited for the database; every sweep interval, ends sessions
/// idle past their timeout as ABANDONED (persisted once, a partial lead if a number was captured) and drops this
/// instance's copies of sessions idle for a few minutes. Every instance
/// runs it; ending is idempotent, so they never double up.
/// </summary>
public sealed class SessionMaintenanceWorker(
    ISessionStore store,
    ConversationService conversations,
    IOptions<SessionOptions> options,
    TimeProvider clock,
    ILogger<SessionMaintenanceWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastSweep = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (store is RedisSessionStore redisStore && store.Health.WaitingForRedis > 0)
                {
                    await redisStore.SyncAsync(stoppingToken);
                }

                if (conversations.HasPendingWrites)
                {
                    await conversations.RetryPendingAsync(stoppingToken);
                }

                if (clock.GetUtcNow() - lastSweep >= TimeSpan.FromSeconds(options.Value.SweepSeconds))
                {
                    lastSweep = clock.GetUtcNow();
                    await SweepAsync(stoppingToken);
                    if (store is RedisSessionStore copies)
                    {
                        copies.ForgetIdleCopies(TimeSpan.FromMinutes(options.Value.LocalCopyIdleMinutes));
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Session maintenance failed; retrying");
            }

            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
        }
    }

    /// <summary>Ends idle sessions; returns how many it ended.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var ended = 0;
        var now = clock.GetUtcNow();
        foreach (var id in await store.ActiveIdsAsync(ct))
        {
            try
            {
                ended += await SweepOneAsync(id, now, ct) ? 1 : 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One session that cannot be ended must not stop the others from being swept.
                logger.LogWarning("Could not end idle session {SessionId}: {Reason}", id, ex.GetType().Name);
            }
        }

        return ended;
    }

    async Task<bool> SweepOneAsync(string id, DateTimeOffset now, CancellationToken ct)
    {
        var session = await store.GetAsync(id, ct);
        if (session is null)
        {
            return false;
        }

        if (session.Status != ConversationStatus.ACTIVE)
        {
            await conversations.EndAsync(id, session.Status, ct);
            return false;
        }

        var idle = TimeSpan.FromMinutes(session.Channel == Channel.VOICE ? options.Value.VoiceIdleMinutes : options.Value.ChatIdleMinutes);
        // It ended when the visitor went quiet, not when the sweep noticed: its length stops at the last activity.
        return now - session.LastActivityAt > idle
            && await conversations.EndAsync(id, ConversationStatus.ABANDONED, ct, endedAt: session.LastActivityAt);
    }
}
