using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Web.Auth;

/// <summary>The signed-in owner's business, loaded once per request through the tenant filter.</summary>
public sealed class CurrentBusiness(LeadsDbContext db, IOptions<FeatureOptions> features)
{
    Business? _business;

    public async Task<Business> GetAsync(CancellationToken ct = default) =>
        _business ??= await db.Businesses.SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Business");

    /// <summary>The plan that features are judged by: with ENABLE_PLAN_TIERS off, every business has everything.</summary>
    public PlanTier EffectivePlan(Business business) => features.Value.EnablePlanTiers ? business.PlanTier : PlanTier.PRO;

    public async Task<PlanTier> EffectivePlanAsync(CancellationToken ct = default) => EffectivePlan(await GetAsync(ct));
}
