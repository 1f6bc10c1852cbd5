using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Web.Auth;

/// <summary>The signed-in owner's business, loaded once per request through the tenant filter.</summary>
public sealed class CurrentBusiness(IDbContextFactory<LeadsDbContext> contexts, IOptions<FeatureOptions> features)
{
    readonly SemaphoreSlim _gate = new(1, 1);
    Business? _business;

    /// <summary>The business, loaded once per request; several components of one page may ask at the same time.</summary>
    public async Task<Business> GetAsync(CancellationToken ct = default)
    {
        if (_business is not null)
        {
            return _business;
        }

        await _gate.WaitAsync(ct);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return _business ??= await db.Businesses.AsNoTracking().SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Business");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The plan that features are judged by: with ENABLE_PLAN_TIERS off, every business has everything.</summary>
    public PlanTier EffectivePlan(Business business) => features.Value.EnablePlanTiers ? business.PlanTier : PlanTier.PRO;

    public async Task<PlanTier> EffectivePlanAsync(CancellationToken ct = default) => EffectivePlan(await GetAsync(ct));
}
