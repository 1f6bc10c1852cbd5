using System.Diagnostics;
using LeadsAgent.Infrastructure.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LeadsAgent.Infrastructure.Redis;

/// <summary>
/// The process's one StackExchange.Redis multiplexer (sessions, live events and /health share it), created on first
/// use. It never stops the app from starting: while Redis is down commands fail at once and the multiplexer keeps
/// reconnecting in the background, restoring the pub/sub subscription when it succeeds.
/// </summary>
public sealed class RedisConnector : IAsyncDisposable
{
    static readonly string[] TransientErrors = ["LOADING", "BUSY", "MASTERDOWN", "READONLY", "TRYAGAIN", "CLUSTERDOWN", "NOAUTH", "WRONGPASS"];

    readonly RedisOptions _options;
    readonly ILogger<RedisConnector> _logger;
    readonly Lazy<Task<ConnectionMultiplexer>> _multiplexer;

    public RedisConnector(IOptions<RedisOptions> options, ILogger<RedisConnector> logger)
    {
        _options = options.Value;
        _logger = logger;
        _multiplexer = new(ConnectAsync);
    }

    public bool IsConfigured => _options.IsConfigured;

    /// <summary>True while a connection to Redis is up; false before the first use.</summary>
    public bool IsConnected => _multiplexer.IsValueCreated && _multiplexer.Value is { IsCompletedSuccessfully: true, Result.IsConnected: true };

    public async Task<IDatabase> DatabaseAsync() => (await MultiplexerAsync()).GetDatabase();

    public async Task<ISubscriber> SubscriberAsync() => (await MultiplexerAsync()).GetSubscriber();

    /// <summary>PING round trip in milliseconds; throws when Redis is down (see <see cref="IsUnavailable"/>).</summary>
    public async Task<double> PingAsync()
    {
        var db = await DatabaseAsync();
        var watch = Stopwatch.StartNew();
        await db.PingAsync();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>
    /// Whether an exception means "Redis is away for now" (callers fall back) rather than a bug. A server error counts
    /// only when it is what a restarting or failing-over Redis answers (LOADING while it reads its append-only file).
    /// </summary>
    public static bool IsUnavailable(Exception ex) => ex switch
    {
        RedisConnectionException or RedisTimeoutException => true,
        RedisServerException server => TransientErrors.Any(e => server.Message.StartsWith(e, StringComparison.Ordinal)),
        RedisCommandException => false,
        RedisException => true,
        _ => false,
    };

    Task<ConnectionMultiplexer> MultiplexerAsync() => _options.IsConfigured
        ? _multiplexer.Value
        : throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "Redis is not configured (REDIS_URL)", null, CommandStatus.Unknown);

    async Task<ConnectionMultiplexer> ConnectAsync()
    {
        var config = _options.ToConfigurationOptions();
        // The app starts and answers (sessions in memory) while Redis is down; the multiplexer connects when it can.
        config.AbortOnConnectFail = false;
        config.ConnectTimeout = _options.ConnectTimeoutMs;
        config.SyncTimeout = _options.CommandTimeoutMs;
        config.AsyncTimeout = _options.CommandTimeoutMs;
        // Queueing commands until Redis is back would hold every turn for the whole command timeout; failing at once
        // lets the session store carry on in memory and write back later.
        config.BacklogPolicy = BacklogPolicy.FailFast;
        // A restarted Redis is found within a few seconds rather than after the library's longer default backoff.
        config.ReconnectRetryPolicy = new ExponentialRetry(250, 5000);
        config.ClientName ??= "leadsagent";

        var multiplexer = await ConnectionMultiplexer.ConnectAsync(config);
        multiplexer.ConnectionFailed += (_, e) =>
            _logger.LogWarning("Redis connection to {Endpoint} lost ({Failure})", Describe(e.EndPoint), e.FailureType);
        multiplexer.ConnectionRestored += (_, e) =>
            _logger.LogInformation("Redis connection to {Endpoint} restored", Describe(e.EndPoint));
        if (!multiplexer.IsConnected)
        {
            _logger.LogWarning("Redis at {Endpoint} is unavailable; retrying in the background", RedisConfiguration.Describe(config));
        }

        return multiplexer;
    }

    static string Describe(System.Net.EndPoint? endPoint) => endPoint is null ? "?" : EndPointCollection.ToString(endPoint);

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer.IsValueCreated && _multiplexer.Value is { IsCompletedSuccessfully: true } connected)
        {
            await connected.Result.DisposeAsync();
        }
    }
}
