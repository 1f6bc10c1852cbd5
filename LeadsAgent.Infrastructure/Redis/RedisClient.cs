using System.Diagnostics;
using LeadsAgent.Infrastructure.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Infrastructure.Redis;

/// <summary>
/// Our own small Redis client (architecture D3): one shared pipelined connection, connect and command
/// timeouts, reconnection with backoff, and the health facts the /health endpoint reports.
/// </summary>
public sealed class RedisClient : IAsyncDisposable
{
    readonly RedisOptions _options;
    readonly ILogger<RedisClient> _logger;
    readonly SemaphoreSlim _connectLock = new(1, 1);
    RedisConnection? _connection;
    DateTimeOffset _nextAttempt = DateTimeOffset.MinValue;
    int _failures;

    public RedisClient(IOptions<RedisOptions> options, ILogger<RedisClient> logger)
    {
        _options = options.Value;
        _logger = logger;
    }

    public bool IsConfigured => _options.IsConfigured;

    /// <summary>True while the last command or connection attempt succeeded.</summary>
    public bool IsConnected => _connection is { IsBroken: false };

    public async Task<RespValue> ExecuteAsync(params string[] args) => await ExecuteAsync(args, CancellationToken.None);

    public async Task<RespValue> ExecuteAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var connection = await GetConnectionAsync(ct);
        return await connection.ExecuteAsync(args, TimeSpan.FromMilliseconds(_options.CommandTimeoutMs), ct);
    }

    public async Task<string?> GetAsync(string key, CancellationToken ct = default) => (await ExecuteAsync(["GET", key], ct)).Text;

    public async Task SetAsync(string key, string value, int ttlSeconds, CancellationToken ct = default) =>
        await ExecuteAsync(["SET", key, value, "EX", Num(ttlSeconds)], ct);

    public async Task<long> DelAsync(string key, CancellationToken ct = default) => (await ExecuteAsync(["DEL", key], ct)).Integer;

    public async Task<long> SAddAsync(string key, string member, CancellationToken ct = default) => (await ExecuteAsync(["SADD", key, member], ct)).Integer;

    public async Task<long> SRemAsync(string key, string member, CancellationToken ct = default) => (await ExecuteAsync(["SREM", key, member], ct)).Integer;

    public async Task<IReadOnlyList<string>> SMembersAsync(string key, CancellationToken ct = default) =>
        [.. (await ExecuteAsync(["SMEMBERS", key], ct)).Items?.Select(i => i.Text!) ?? []];

    public async Task<long> PublishAsync(string channel, string message, CancellationToken ct = default) =>
        (await ExecuteAsync(["PUBLISH", channel, message], ct)).Integer;

    /// <summary>Runs a Lua script (atomic on the server) by its SHA1 (EVALSHA), sending the text only when Redis has not seen it yet (NOSCRIPT).</summary>
    public async Task<RespValue> EvalAsync(string script, IReadOnlyList<string> keys, IReadOnlyList<string> args, CancellationToken ct = default)
    {
        var sha = _scriptHashes.GetOrAdd(script, static text => Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(text))));
        try
        {
            return await ExecuteAsync([.. new[] { "EVALSHA", sha, Num(keys.Count) }.Concat(keys).Concat(args)], ct);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            return await ExecuteAsync([.. new[] { "EVAL", script, Num(keys.Count) }.Concat(keys).Concat(args)], ct);
        }
    }

    readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _scriptHashes = new();

    static string Num(long n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>PING round trip in milliseconds; throws <see cref="RedisUnavailableException"/> when Redis is down.</summary>
    public async Task<double> PingAsync(CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var reply = await ExecuteAsync(["PING"], ct);
        return reply.Text == "PONG" ? watch.Elapsed.TotalMilliseconds : throw new RedisUnavailableException("Unexpected PING reply");
    }

    async Task<RedisConnection> GetConnectionAsync(CancellationToken ct)
    {
        if (!_options.IsConfigured)
        {
            throw new RedisUnavailableException("Redis is not configured (REDIS_URL)");
        }

        var current = _connection;
        if (current is { IsBroken: false })
        {
            return current;
        }

        await _connectLock.WaitAsync(ct);
        try
        {
            if (_connection is { IsBroken: false } fresh)
            {
                return fresh;
            }

            // Back off between attempts so a dead Redis costs callers one fast failure, not a connect timeout each.
            if (DateTimeOffset.UtcNow < _nextAttempt)
            {
                throw new RedisUnavailableException("Redis is unavailable (waiting before reconnecting)");
            }

            if (_connection is not null)
            {
                await _connection.DisposeAsync();
                _connection = null;
            }

            try
            {
                _connection = await RedisConnection.OpenAsync(_options.Endpoint,
                    TimeSpan.FromMilliseconds(_options.ConnectTimeoutMs), TimeSpan.FromMilliseconds(_options.CommandTimeoutMs), ct);
                if (_failures > 0)
                {
                    _logger.LogInformation("Reconnected to Redis at {Endpoint} after {Failures} failed attempts", _options.Endpoint, _failures);
                }

                _failures = 0;
                return _connection;
            }
            catch (Exception ex) when (ex is RedisUnavailableException or RedisServerException)
            {
                _failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(5000, 100 * Math.Pow(2, Math.Min(_failures, 6))));
                _nextAttempt = DateTimeOffset.UtcNow + delay;
                if (_failures == 1)
                {
                    _logger.LogWarning("Redis at {Endpoint} is unavailable: {Reason}", _options.Endpoint, ex.Message);
                }

                throw ex as RedisUnavailableException ?? new RedisUnavailableException(ex.Message, ex);
            }
        }
        finally
        {
            _connectLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _connectLock.Dispose();
    }
}
