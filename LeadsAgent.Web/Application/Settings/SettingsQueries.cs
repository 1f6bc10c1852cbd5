using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Settings;

/// <summary>What the agent and voice settings pages start from: the saved configuration, the business and its plan.</summary>
public sealed record SettingsSnapshot(AgentConfig Config, Business Business, PlanTier Plan);

public sealed class SettingsQueries(CurrentBusiness current, IDbContextFactory<LeadsDbContext> contexts)
{
    public async Task<SettingsSnapshot> LoadAsync(CancellationToken ct = default)
    {
        var business = await current.GetAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var config = await db.AgentConfigs.AsNoTracking().SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Agent configuration");
        return new SettingsSnapshot(config, business, current.EffectivePlan(business));
    }
}
