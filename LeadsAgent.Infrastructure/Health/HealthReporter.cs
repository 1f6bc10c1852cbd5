using System.Diagnostics;
using System.Net.Sockets;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Redis;
using LeadsAgent.Infrastructure.Sessions;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LeadsAgent.Infrastructure.Health;

/// <summary>
/// Builds the /health document. The database is essential (down means unhealthy); Redis, SMTP, OpenAI and
/// Twilio degrade the service when configured but failing, and are reported "not configured" when unset.
/// </summary>
public sealed class HealthReporter(
    IServiceScopeFactory scopes,
    RedisConnector redis,
    ExternalApiProbe external,
    IOptions<SmtpOptions> smtp,
    ISessionStore sessions,
    TimeProvider clock)
{
    static readonly TimeSpan s_componentTimeout = TimeSpan.FromSeconds(3);

    public async Task<HealthReport> ReportAsync(CancellationToken ct)
    {
        var database = Guard(CheckDatabaseAsync);
        var redisCheck = Guard(CheckRedisAsync);
        var smtpCheck = Guard(CheckSmtpAsync);
        var openAi = Guard(external.OpenAIAsync);
        var twilio = Guard(external.TwilioAsync);
        await Task.WhenAll(database, redisCheck, smtpCheck, openAi, twilio);

        var components = new Dictionary<string, ComponentHealth>
        {
            ["database"] = database.Result,
            ["redis"] = redisCheck.Result,
            ["smtp"] = smtpCheck.Result,
            ["openai"] = openAi.Result,
            ["twilio"] = twilio.Result,
        };

        var status = database.Result.Status != ComponentHealth.Healthy ? ComponentHealth.Unhealthy
            : components.Values.Any(c => c.Status == ComponentHealth.Unhealthy) ? "degraded"
            : ComponentHealth.Healthy;

        var metrics = database.Result.Status == ComponentHealth.Healthy ? await MetricsAsync(ct) : new Dictionary<string, long>();
        return new HealthReport(status, clock.GetUtcNow(), components, metrics);

        async Task<ComponentHealth> Guard(Func<CancellationToken, Task<ComponentHealth>> check)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(s_componentTimeout);
            try
            {
                return await check(timeout.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                return new ComponentHealth(ComponentHealth.Unhealthy, null, ex is OperationCanceledException ? "timed out" : "not reachable");
            }
        }
    }

    /// <summary>Ready means the database answers and is migrated: the app can serve callers.</summary>
    public async Task<bool> IsReadyAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LeadsDbContext>();
            // Every migration this build ships is in __EFMigrationsHistory (one a newer instance added does not count).
            return !(await db.Database.GetPendingMigrationsAsync(ct)).Any();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
        }
    }

    async Task<ComponentHealth> CheckDatabaseAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadsDbContext>();
        var watch = Stopwatch.StartNew();
        await db.Database.ExecuteSqlRawAsync("SELECT 1", ct);
        return new ComponentHealth(ComponentHealth.Healthy, Math.Round(watch.Elapsed.TotalMilliseconds, 1));
    }

    async Task<ComponentHealth> CheckRedisAsync(CancellationToken ct)
    {
        if (!redis.IsConfigured)
        {
            return new ComponentHealth(ComponentHealth.NotConfigured);
        }

        try
        {
            return new ComponentHealth(ComponentHealth.Healthy, Math.Round(await redis.PingAsync().WaitAsync(ct), 1), "connected");
        }
        catch (Exception ex) when (RedisConnector.IsUnavailable(ex))
        {
            // The library's own message lists endpoints, client name and thread-pool counters: too much for a public page.
            var reason = ex switch
            {
                RedisConnectionException connection => connection.FailureType.ToString(),
                RedisTimeoutException => "timed out",
                _ => ex.GetType().Name,
            };
            return new ComponentHealth(ComponentHealth.Unhealthy, null, "not connected (" + reason + "); sessions continue in memory");
        }
    }

    async Task<ComponentHealth> CheckSmtpAsync(CancellationToken ct)
    {
        var o = smtp.Value;
        if (!o.IsConfigured)
        {
            return new ComponentHealth(ComponentHealth.NotConfigured);
        }

        // The way mail is really sent (MailKit, with the same TLS choice as the sender: implicit on 465, STARTTLS when
        // required): a server that greets in plain text but cannot do TLS is not healthy for us. QUIT keeps its log clean.
        var watch = Stopwatch.StartNew();
        using var client = new MailKit.Net.Smtp.SmtpClient { Timeout = (int)s_componentTimeout.TotalMilliseconds };
        await client.ConnectAsync(o.Host!, o.Port, Email.SmtpEmailSender.SecurityFor(o), ct);
        var latency = Math.Round(watch.Elapsed.TotalMilliseconds, 1);
        await client.DisconnectAsync(quit: true, ct);
        return new ComponentHealth(ComponentHealth.Healthy, latency);
    }

    async Task<Dictionary<string, long>> MetricsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.DbAcrossBusinesses("health metrics");
        var since = new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        var leads = await db.Leads.Where(l => l.CreatedAt >= since)
            .GroupBy(l => 1)
            .Select(g => new
            {
                Total = g.LongCount(),
                Urgent = g.LongCount(l => l.Priority == LeadPriority.URGENT),
                UrgentCalls = g.LongCount(l => l.Priority == LeadPriority.URGENT && l.Channel == Channel.VOICE),
            })
            .SingleOrDefaultAsync(ct);
        var conversations = await db.Conversations.LongCountAsync(c => c.StartedAt >= since, ct);
        var voiceToday = await db.Conversations.LongCountAsync(c => c.StartedAt >= since && c.Channel == Channel.VOICE, ct);
        var store = sessions.Health;
        return new Dictionary<string, long>
        {
            ["active_sessions"] = (await sessions.ActiveIdsAsync(ct)).Count,
            ["sessions_held_in_memory"] = store.WaitingForRedis,
            ["total_sessions_today"] = conversations,
            ["voice_calls_today"] = voiceToday,
            ["leads_today"] = leads?.Total ?? 0,
            ["emergencies_today"] = leads?.Urgent ?? 0,
            ["emergency_calls_today"] = leads?.UrgentCalls ?? 0,
            // Memory, for operators and the load harness: the process's resident set, the managed heap after the last
            // garbage collection, and the session copies this instance keeps (bounded at 10,000).
            ["memory_working_set_mb"] = Environment.WorkingSet / (1024 * 1024),
            ["gc_heap_mb"] = GC.GetGCMemoryInfo().HeapSizeBytes / (1024 * 1024),
            ["session_copies"] = store.LocalSessions,
        };
    }
}
