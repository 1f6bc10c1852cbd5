using System.Collections.Concurrent;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsAgent.Infrastructure.Businesses;

/// <summary>A business and its agent as one conversation turn needs them.</summary>
public sealed record BusinessProfile(Business Business, AgentConfig Config)
{
    /// <summary>Knowledge entry titles, used as speech-recognition hints ("tankless water heaters", "sump pumps").</summary>
    public IReadOnlyList<string> KnowledgeTitles { get; init; } = [];
}

/// <summary>
/// Profiles cached for a few seconds, so a voice turn does not query the database for configuration each time.
/// Changes made on this instance invalidate at once; other instances see them within the cache lifetime. While the
/// database is away, the last profile read keeps answering (a caller must not hear an error because of a restart).
/// </summary>
public sealed class BusinessDirectory(IServiceScopeFactory scopes, TimeProvider clock)
{
    static readonly TimeSpan s_lifetime = TimeSpan.FromSeconds(15);
    readonly ConcurrentDictionary<Guid, (BusinessProfile Profile, DateTimeOffset At)> _byId = new();
    readonly ConcurrentDictionary<string, (Guid Id, DateTimeOffset At)> _byNumber = new();

    public async Task<BusinessProfile?> GetAsync(Guid businessId, CancellationToken ct)
    {
        if (_byId.TryGetValue(businessId, out var hit) && clock.GetUtcNow() - hit.At < s_lifetime)
        {
            return hit.Profile;
        }

        try
        {
            return await LoadAsync(businessId, ct);
        }
        catch (Exception ex) when (DatabaseOutage.Is(ex) && _byId.TryGetValue(businessId, out var stale))
        {
            return stale.Profile;
        }
    }

    async Task<BusinessProfile?> LoadAsync(Guid businessId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadsDbContext>();
        var business = await db.Businesses.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(b => b.Id == businessId, ct);
        if (business is null)
        {
            return null;
        }

        var config = await db.AgentConfigs.IgnoreQueryFilters().AsNoTracking().Include(c => c.Questions)
            .SingleOrDefaultAsync(c => c.BusinessId == businessId, ct) ?? new AgentConfig { BusinessId = businessId };
        var titles = await db.KnowledgeDocuments.IgnoreQueryFilters().AsNoTracking().Where(d => d.BusinessId == businessId)
            .OrderBy(d => d.Title).Select(d => d.Title).Take(40).ToListAsync(ct);
        var profile = new BusinessProfile(business, config) { KnowledgeTitles = titles };
        _byId[businessId] = (profile, clock.GetUtcNow());
        return profile;
    }

    /// <summary>The business whose Twilio number was dialled.</summary>
    public async Task<BusinessProfile?> FindByTwilioNumberAsync(string number, CancellationToken ct)
    {
        if (_byNumber.TryGetValue(number, out var hit) && clock.GetUtcNow() - hit.At < s_lifetime)
        {
            return await GetAsync(hit.Id, ct);
        }

        Guid? id;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LeadsDbContext>();
            id = await db.Businesses.IgnoreQueryFilters().Where(b => b.TwilioPhoneNumber == number).Select(b => (Guid?)b.Id).SingleOrDefaultAsync(ct);
        }
        catch (Exception ex) when (DatabaseOutage.Is(ex) && _byNumber.TryGetValue(number, out var stale))
        {
            return await GetAsync(stale.Id, ct);
        }

        if (id is null)
        {
            return null;
        }

        _byNumber[number] = (id.Value, clock.GetUtcNow());
        return await GetAsync(id.Value, ct);
    }

    public void Invalidate(Guid businessId)
    {
        _byId.TryRemove(businessId, out _);
        foreach (var stale in _byNumber.Where(kv => kv.Value.Id == businessId).ToList())
        {
            _byNumber.TryRemove(stale.Key, out _);
        }
    }
}
