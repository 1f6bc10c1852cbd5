using System.Collections.Concurrent;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LeadsAgent.Infrastructure.Businesses;

/// <summary>A business and its agent as one conversation turn needs them.</summary>
public sealed record BusinessProfile(Business Business, AgentConfig Config)
{
    /// <summary>Knowledge entry titles, used as speech-recognition hints ("tankless water heaters", "sump pumps").</summary>
    public IReadOnlyList<string> KnowledgeTitles { get; init; } = [];
}

/// <summary>
/// Profiles cached for a few seconds, so a voice turn does not query the database for configuration each time. A stale
/// entry keeps answering while one background read per business refreshes it (hundreds of calls in progress must not
/// all query at once every 15 s, nor wait for it), and while the database is away it keeps answering callers. Changes
/// made on this instance invalidate at once; other instances see them within the cache lifetime.
/// </summary>
public sealed class BusinessDirectory(IServiceScopeFactory scopes, TimeProvider clock, ILogger<BusinessDirectory> logger)
{
    static readonly TimeSpan s_lifetime = TimeSpan.FromSeconds(15);
    readonly ConcurrentDictionary<Guid, (BusinessProfile Profile, DateTimeOffset At)> _byId = new();
    readonly ConcurrentDictionary<string, (Guid Id, DateTimeOffset At)> _byNumber = new();
    readonly ConcurrentDictionary<Guid, Lazy<Task<BusinessProfile?>>> _loading = new();
    readonly ConcurrentDictionary<string, Lazy<Task<Guid?>>> _lookingUp = new();
    readonly ConcurrentDictionary<Guid, int> _generation = new();

    public async Task<BusinessProfile?> GetAsync(Guid businessId, CancellationToken ct)
    {
        if (_byId.TryGetValue(businessId, out var hit))
        {
            if (clock.GetUtcNow() - hit.At >= s_lifetime)
            {
                InBackground(RefreshAsync(businessId));
            }

            return hit.Profile;
        }

        return await RefreshAsync(businessId).WaitAsync(ct);
    }

    /// <summary>The business whose Twilio number was dialled.</summary>
    public async Task<BusinessProfile?> FindByTwilioNumberAsync(string number, CancellationToken ct)
    {
        if (_byNumber.TryGetValue(number, out var hit))
        {
            if (clock.GetUtcNow() - hit.At >= s_lifetime)
            {
                InBackground(LookUpAsync(number));
            }

            return await GetAsync(hit.Id, ct);
        }

        return await LookUpAsync(number).WaitAsync(ct) is { } id ? await GetAsync(id, ct) : null;
    }

    public void Invalidate(Guid businessId)
    {
        // A read already under way may have seen the old data: the generation tells it not to store what it read.
        _generation.AddOrUpdate(businessId, 1, (_, g) => g + 1);
        _byId.TryRemove(businessId, out _);
        foreach (var stale in _byNumber.Where(kv => kv.Value.Id == businessId).ToList())
        {
            _byNumber.TryRemove(stale.Key, out _);
        }
    }

    /// <summary>One database read per business at a time, shared by everyone who needs it.</summary>
    Task<BusinessProfile?> RefreshAsync(Guid businessId) => SingleFlight(_loading, businessId, async id =>
    {
        var generation = _generation.GetValueOrDefault(id);
        var profile = await LoadAsync(id);
        if (profile is not null && _generation.GetValueOrDefault(id) == generation)
        {
            _byId[id] = (profile, clock.GetUtcNow());
        }

        return profile;
    }, id => _byId.TryGetValue(id, out var stale) ? (true, stale.Profile) : (false, null));

    Task<Guid?> LookUpAsync(string number) => SingleFlight(_lookingUp, number, async n =>
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.DbAcrossBusinesses("find the business of a called number");
        var id = await db.Businesses.Where(b => b.TwilioPhoneNumber == n).Select(b => (Guid?)b.Id).SingleOrDefaultAsync();
        if (id is null)
        {
            _byNumber.TryRemove(n, out _);
        }
        else
        {
            _byNumber[n] = (id.Value, clock.GetUtcNow());
        }

        return id;
    }, n => _byNumber.TryGetValue(n, out var stale) ? (true, stale.Id) : (false, null));

    /// <summary>
    /// Runs <paramref name="load"/> once per key at a time, every caller sharing the one read; while the database is
    /// away, the last value read (if any) is served instead.
    /// </summary>
    static Task<TValue> SingleFlight<TKey, TValue>(ConcurrentDictionary<TKey, Lazy<Task<TValue>>> inFlight, TKey key,
        Func<TKey, Task<TValue>> load, Func<TKey, (bool Found, TValue Value)> lastKnown) where TKey : notnull =>
        inFlight.GetOrAdd(key, k => new Lazy<Task<TValue>>(async () =>
        {
            try
            {
                return await load(k);
            }
            catch (Exception ex) when (DatabaseOutage.Is(ex) && lastKnown(k) is (true, var value))
            {
                return value;
            }
            finally
            {
                inFlight.TryRemove(k, out _);
            }
        })).Value;

    async Task<BusinessProfile?> LoadAsync(Guid businessId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.DbForBusiness(businessId);
        var business = await db.Businesses.AsNoTracking().SingleOrDefaultAsync(b => b.Id == businessId);
        if (business is null)
        {
            return null;
        }

        var config = await db.AgentConfigs.AsNoTracking().Include(c => c.Questions)
            .SingleOrDefaultAsync(c => c.BusinessId == businessId) ?? new AgentConfig { BusinessId = businessId };
        var titles = await db.KnowledgeDocuments.AsNoTracking().Where(d => d.BusinessId == businessId)
            .OrderBy(d => d.Title).Select(d => d.Title).Take(40).ToListAsync();
        return new BusinessProfile(business, config) { KnowledgeTitles = titles };
    }

    /// <summary>A refresh nobody waits for: its failure is logged, never left unobserved.</summary>
    void InBackground(Task task) => task.ContinueWith(
        t => logger.LogWarning("Refreshing a business profile failed: {Reason}", t.Exception!.GetBaseException().GetType().Name),
        CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
