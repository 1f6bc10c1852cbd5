using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Redis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LeadsAgent.Infrastructure.Sessions;

/// <summary>How the session store is doing, for /health and the dashboard.</summary>
public sealed record SessionStoreHealth(string Mode, bool RedisConnected, int LocalSessions, int WaitingForRedis);

/// <summary>Sessions shared by every instance, with a safe fallback when Redis is away.</summary>
public interface ISessionStore
{
    Task<ConversationSession?> GetAsync(string sessionId, CancellationToken ct);

    /// <summary>Stores a new session; if one with this id exists already (a retried webhook) that one is returned.</summary>
    Task<ConversationSession> CreateAsync(ConversationSession session, CancellationToken ct);

    /// <summary>
    /// Applies a change atomically: the mutation runs on the latest copy and is re-run on a fresh copy if another
    /// writer got there first, so concurrent webhooks never lose each other's changes. Null if there is no session.
    /// The mutation may run more than once, so it only decides state; side effects belong after the change is saved.
    /// <paramref name="fresh"/> starts from the stored session rather than this instance's copy: for a costly mutation
    /// (one that asks the language model), which on an out-of-date copy would run on old state and be run again.
    /// </summary>
    Task<ConversationSession?> UpdateAsync(string sessionId, Func<ConversationSession, Task<bool>> mutate, CancellationToken ct, bool fresh = false);

    /// <summary>Takes an ended session out of the active indexes and lets it expire soon (late callbacks still find it).</summary>
    Task RetireAsync(ConversationSession session, CancellationToken ct);

    Task<IReadOnlyList<ConversationSession>> ActiveAsync(Guid businessId, CancellationToken ct);

    Task<IReadOnlyList<string>> ActiveIdsAsync(CancellationToken ct);

    SessionStoreHealth Health { get; }
}

/// <summary>
/// Sessions as Redis hashes {v: version, d: JSON} written with a Lua compare-and-set (WATCH/MULTI is unsafe on the
/// multiplexer's one shared connection; StackExchange.Redis sends EVALSHA and falls back to EVAL on NOSCRIPT, so a
/// restarted Redis needs nothing of us), with sliding TTL and per-business active indexes. Every session this instance
/// touches is also kept locally (bounded, idle-evicted); when Redis fails, reads and writes continue on that copy and
/// the changes are written back, version-checked, when Redis returns.
/// </summary>
public sealed class RedisSessionStore(RedisConnector redis, IOptions<RedisOptions> options, ILogger<RedisSessionStore> logger, TimeProvider clock)
    : ISessionStore
{
    public const int MaxLocalSessions = 10_000;
    const int MaxAttempts = 25;
    const int RetiredTtlSeconds = 300;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    // Writes only if the stored version is the one we read (0 = absent), then sets the TTL and the index membership
    // (a session that ended with nothing left to write leaves the indexes and gets the short retired TTL).
    const string CompareAndSet = """
        local v = redis.call('HGET', KEYS[1], 'v')
        if ((not v) and ARGV[1] == '0') or v == ARGV[1] then
          redis.call('HSET', KEYS[1], 'v', ARGV[2], 'd', ARGV[3])
          redis.call('EXPIRE', KEYS[1], ARGV[4])
          if ARGV[6] == '1' then
            redis.call('SADD', KEYS[2], ARGV[5])
            redis.call('SADD', KEYS[3], ARGV[5])
          else
            redis.call('SREM', KEYS[2], ARGV[5])
            redis.call('SREM', KEYS[3], ARGV[5])
          end
          return 1
        end
        return 0
        """;

    const string Retire = """
        redis.call('SREM', KEYS[2], ARGV[1])
        redis.call('SREM', KEYS[3], ARGV[1])
        return redis.call('EXPIRE', KEYS[1], ARGV[2])
        """;

    // Write-back after an outage: the local copy wins only if Redis has nothing newer.
    const string WriteIfNewer = """
        local v = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
        if v < tonumber(ARGV[1]) then
          redis.call('HSET', KEYS[1], 'v', ARGV[1], 'd', ARGV[2])
          redis.call('EXPIRE', KEYS[1], ARGV[3])
          if ARGV[5] == '1' then
            redis.call('SADD', KEYS[2], ARGV[4])
            redis.call('SADD', KEYS[3], ARGV[4])
          end
          return 1
        end
        return 0
        """;

    static readonly RedisValue VersionField = "v";
    static readonly RedisValue DataField = "d";

    sealed record Local(string Json, long Version, Guid BusinessId, bool Active, bool Dirty, DateTimeOffset Touched);

    readonly ConcurrentDictionary<string, Local> _local = new();
    // Writers of one session on this instance take turns; 1,024 stripes keep unrelated sessions (a turn can hold its
    // stripe for a database write) from queueing behind each other.
    readonly SemaphoreSlim[] _locks = [.. Enumerable.Range(0, 1024).Select(_ => new SemaphoreSlim(1, 1))];
    int _writes;
    volatile bool _redisUp = true;

    int Ttl => options.Value.TtlSeconds;

    public SessionStoreHealth Health => new(_redisUp && redis.IsConfigured ? "redis" : "memory", _redisUp && redis.IsConnected,
        _local.Count, _local.Values.Count(l => l.Dirty));

    string Prefix => options.Value.KeyPrefix;

    string ActiveAll => Prefix + "active";

    string Key(string id) => Prefix + "s:" + id;

    string BusinessIndex(Guid businessId) => Prefix + "active:" + businessId;

    public async Task<ConversationSession?> GetAsync(string sessionId, CancellationToken ct) => (await LoadAsync(sessionId, ct)).Session;

    public async Task<ConversationSession> CreateAsync(ConversationSession session, CancellationToken ct)
    {
        session.Version = 0;
        var created = await UpdateCoreAsync(session.SessionId, _ => Task.FromResult(true), ct, seed: session, fresh: false);
        return created ?? session;
    }

    public Task<ConversationSession?> UpdateAsync(string sessionId, Func<ConversationSession, Task<bool>> mutate, CancellationToken ct, bool fresh = false) =>
        UpdateCoreAsync(sessionId, mutate, ct, seed: null, fresh);

    async Task<ConversationSession?> UpdateCoreAsync(string sessionId, Func<ConversationSession, Task<bool>> mutate, CancellationToken ct, ConversationSession? seed, bool fresh)
    {
        // Writers of one session on this instance take turns; only writers on other instances can race (and retry).
        var gate = _locks[(uint)sessionId.GetHashCode(StringComparison.Ordinal) % _locks.Length];
        await gate.WaitAsync(ct);
        try
        {
            return await UpdateLockedAsync(sessionId, mutate, ct, seed, fresh);
        }
        finally
        {
            gate.Release();
        }
    }

    async Task<ConversationSession?> UpdateLockedAsync(string sessionId, Func<ConversationSession, Task<bool>> mutate, CancellationToken ct, ConversationSession? seed, bool fresh)
    {
        var optimistic = false;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (attempt > 0 && !optimistic)
            {
                await Task.Delay(Random.Shared.Next(1, 5 + attempt * 2), ct);
            }

            // First try this instance's own copy: when nobody else wrote since (the usual case, a call's webhooks landing
            // here), the compare-and-set succeeds without a read; when someone did, it fails and we read Redis.
            ConversationSession? current = null;
            long version = 0;
            optimistic = false;
            if (attempt == 0 && seed is null && !fresh && _redisUp && redis.IsConfigured && _local.TryGetValue(sessionId, out var mine) && !mine.Dirty)
            {
                current = Parse(sessionId, mine.Json);
                if (current is not null)
                {
                    version = current.Version = mine.Version;
                    optimistic = true;
                }
            }

            if (!optimistic)
            {
                (current, version) = await LoadAsync(sessionId, ct);
            }

            var isNew = current is null;
            if (current is null)
            {
                if (seed is null)
                {
                    return null;
                }

                current = Clone(seed);
            }
            else if (seed is not null)
            {
                // Created already (a retried webhook): the first one wins.
                return current;
            }

            if (!await mutate(current))
            {
                if (optimistic)
                {
                    // Nothing to write according to our copy: make sure it is not an old one before saying so.
                    continue;
                }

                return current;
            }

            current.Version = version + 1;
            var json = JsonSerializer.Serialize(current, Json);
            var active = current.IsIndexed();
            if (_redisUp || redis.IsConfigured)
            {
                try
                {
                    var finished = !active && current.Status != ConversationStatus.ACTIVE;
                    var db = await redis.DatabaseAsync();
                    var stored = await db.ScriptEvaluateAsync(CompareAndSet, [Key(sessionId), ActiveAll, BusinessIndex(current.BusinessId)],
                        [version, current.Version, json, finished ? RetiredTtlSeconds : Ttl, sessionId, active ? "1" : "0"]).WaitAsync(ct);
                    MarkRedis(true);
                    if ((long)stored == 1)
                    {
                        if (finished)
                        {
                            // Retired by this write: late callbacks still find it in Redis for a few minutes.
                            _local.TryRemove(sessionId, out _);
                        }
                        else
                        {
                            Remember(sessionId, json, current, dirty: false);
                        }

                        return current;
                    }

                    continue;
                }
                catch (Exception ex) when (RedisConnector.IsUnavailable(ex))
                {
                    MarkRedis(false, ex);
                }
            }

            // Redis is away: the local copy is the truth for now (writers of this session are already serialised here).
            var localVersion = _local.TryGetValue(sessionId, out var local) ? local.Version : 0;
            if (localVersion == version || (isNew && !_local.ContainsKey(sessionId)))
            {
                Remember(sessionId, json, current, dirty: true);
                return current;
            }
        }

        throw new InvalidOperationException($"Session {sessionId} changed under us {MaxAttempts} times in a row.");
    }

    async Task<(ConversationSession? Session, long Version)> LoadAsync(string sessionId, CancellationToken ct)
    {
        if (redis.IsConfigured)
        {
            try
            {
                var db = await redis.DatabaseAsync();
                var reply = await db.HashGetAsync(Key(sessionId), [VersionField, DataField]).WaitAsync(ct);
                MarkRedis(true);
                string? v = reply[0];
                string? d = reply[1];
                if (v is null || d is null)
                {
                    // Redis does not have it; a copy written here during an outage may not be back yet.
                    return _local.TryGetValue(sessionId, out var pending) && pending.Dirty ? (Parse(sessionId, pending.Json), pending.Version) : (null, 0);
                }

                var session = Parse(sessionId, d);
                if (session is null)
                {
                    // Corrupt: logged, and treated as missing so the caller starts afresh instead of failing.
                    await db.KeyDeleteAsync(Key(sessionId)).WaitAsync(ct);
                    return (null, 0);
                }

                var version = long.Parse(v, System.Globalization.CultureInfo.InvariantCulture);
                if (_local.TryGetValue(sessionId, out var newer) && newer.Dirty && newer.Version > version)
                {
                    // Turns taken in memory during an outage are newer than what Redis kept: they win.
                    await db.ScriptEvaluateAsync(WriteIfNewer, [Key(sessionId), ActiveAll, BusinessIndex(newer.BusinessId)],
                        [newer.Version, newer.Json, Ttl, sessionId, newer.Active ? "1" : "0"]).WaitAsync(ct);
                    _local.TryUpdate(sessionId, newer with { Dirty = false }, newer);
                    return (Parse(sessionId, newer.Json), newer.Version);
                }

                session.Version = version;
                return (session, version);
            }
            catch (Exception ex) when (RedisConnector.IsUnavailable(ex))
            {
                MarkRedis(false, ex);
            }
        }

        return _local.TryGetValue(sessionId, out var copy) ? (Parse(sessionId, copy.Json), copy.Version) : (null, 0);
    }

    ConversationSession? Parse(string sessionId, string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ConversationSession>(json, Json);
        }
        catch (JsonException ex)
        {
            logger.LogWarning("Session {SessionId} held unreadable data ({Reason}); starting a new one", sessionId, ex.Message.Split('.')[0]);
            return null;
        }
    }

    void Remember(string sessionId, string json, ConversationSession session, bool dirty)
    {
        _local[sessionId] = new Local(json, session.Version, session.BusinessId, session.IsIndexed(), dirty, clock.GetUtcNow());
        // Counting a ConcurrentDictionary takes all its locks: check the bound every 256 writes, not on every one.
        if ((Interlocked.Increment(ref _writes) & 255) == 0 && _local.Count > MaxLocalSessions)
        {
            // Bounded: drop the least recently touched clean copies (dirty ones wait for Redis).
            foreach (var old in _local.Where(kv => !kv.Value.Dirty).OrderBy(kv => kv.Value.Touched).Take(_local.Count - MaxLocalSessions))
            {
                _local.TryRemove(old.Key, out _);
            }
        }
    }

    /// <summary>
    /// Drops the clean copies of sessions untouched for longer than <paramref name="idle"/> (Redis has them; a later
    /// turn reads them back), so memory follows the sessions in use rather than filling the 10,000-copy bound with
    /// chats whose visitors left. Copies waiting for Redis are kept. Returns how many were dropped.
    /// </summary>
    public int ForgetIdleCopies(TimeSpan idle)
    {
        var before = clock.GetUtcNow() - idle;
        var dropped = 0;
        foreach (var entry in _local)
        {
            // Removed only if unchanged since read: a turn writing it meanwhile keeps its fresh copy.
            if (!entry.Value.Dirty && entry.Value.Touched <= before && _local.TryRemove(entry))
            {
                dropped++;
            }
        }

        return dropped;
    }

    public async Task RetireAsync(ConversationSession session, CancellationToken ct)
    {
        try
        {
            var db = await redis.DatabaseAsync();
            await db.ScriptEvaluateAsync(Retire, [Key(session.SessionId), ActiveAll, BusinessIndex(session.BusinessId)], [session.SessionId, RetiredTtlSeconds]).WaitAsync(ct);
            MarkRedis(true);
        }
        catch (Exception ex) when (RedisConnector.IsUnavailable(ex))
        {
            MarkRedis(false, ex);
        }

        if (_local.TryGetValue(session.SessionId, out var local) && !local.Dirty)
        {
            _local.TryRemove(session.SessionId, out _);
        }
    }

    public async Task<IReadOnlyList<ConversationSession>> ActiveAsync(Guid businessId, CancellationToken ct)
    {
        var ids = new HashSet<string>(_local.Where(kv => kv.Value.BusinessId == businessId && kv.Value.Active).Select(kv => kv.Key));
        try
        {
            ids.UnionWith(await MembersAsync(BusinessIndex(businessId), ct));
            MarkRedis(true);
        }
        catch (Exception ex) when (RedisConnector.IsUnavailable(ex))
        {
            MarkRedis(false, ex);
        }

        // Read several at once: the multiplexer pipelines them, so a busy business's list costs a few round trips, not
        // one per session in turn.
        var sessions = new System.Collections.Concurrent.ConcurrentBag<ConversationSession>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct }, async (id, token) =>
        {
            if (await GetAsync(id, token) is { Status: ConversationStatus.ACTIVE } s && s.BusinessId == businessId)
            {
                sessions.Add(s);
            }
        });

        return [.. sessions.OrderByDescending(s => s.LastActivityAt)];
    }

    public async Task<IReadOnlyList<string>> ActiveIdsAsync(CancellationToken ct)
    {
        var ids = new HashSet<string>(_local.Where(kv => kv.Value.Active).Select(kv => kv.Key));
        try
        {
            ids.UnionWith(await MembersAsync(ActiveAll, ct));
            MarkRedis(true);
        }
        catch (Exception ex) when (RedisConnector.IsUnavailable(ex))
        {
            MarkRedis(false, ex);
        }

        return [.. ids];
    }

    /// <summary>Writes back what changed during an outage and drops idle local copies; returns how many were written.</summary>
    public async Task<int> SyncAsync(CancellationToken ct)
    {
        var written = 0;
        var now = clock.GetUtcNow();
        foreach (var (id, local) in _local.ToList())
        {
            if (!local.Dirty)
            {
                if (now - local.Touched > TimeSpan.FromSeconds(Ttl))
                {
                    _local.TryRemove(id, out _);
                }

                continue;
            }

            try
            {
                var db = await redis.DatabaseAsync();
                await db.ScriptEvaluateAsync(WriteIfNewer, [Key(id), ActiveAll, BusinessIndex(local.BusinessId)],
                    [local.Version, local.Json, Ttl, id, local.Active ? "1" : "0"]).WaitAsync(ct);
                MarkRedis(true);
                _local.TryUpdate(id, local with { Dirty = false }, local);
                written++;
            }
            catch (Exception ex) when (RedisConnector.IsUnavailable(ex))
            {
                MarkRedis(false, ex);
                break;
            }
        }

        if (written > 0)
        {
            logger.LogInformation("Redis is back: wrote {Count} sessions kept in memory during the outage", written);
        }

        return written;
    }

    void MarkRedis(bool up, Exception? cause = null)
    {
        if (_redisUp && !up)
        {
            logger.LogWarning("Session store: Redis unavailable ({Reason}); continuing in memory", cause?.Message);
        }

        _redisUp = up;
    }

    async Task<IEnumerable<string>> MembersAsync(string key, CancellationToken ct)
    {
        var db = await redis.DatabaseAsync();
        return (await db.SetMembersAsync(key).WaitAsync(ct)).Select(m => m.ToString());
    }

    static ConversationSession Clone(ConversationSession s) => JsonSerializer.Deserialize<ConversationSession>(JsonSerializer.Serialize(s, Json), Json)!;
}
