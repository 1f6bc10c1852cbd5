using LeadsAgent.Domain.Common;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Blocking;

/// <summary>The owner turns call screening on or off (<c>PUT /api/admin/call-screening</c> and the blocked numbers page).</summary>
public sealed class UpdateCallScreening(IDbContextFactory<LeadsDbContext> contexts, BusinessDirectory directory, TimeProvider clock)
{
    public async Task<CallScreeningDto> HandleAsync(CallScreeningRequest request, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var config = await db.AgentConfigs.SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Agent configuration");
        config.ScreenNoCallerId = request.ScreenNoCallerId ?? config.ScreenNoCallerId;
        config.ScreenFailedStir = request.ScreenFailedStir ?? config.ScreenFailedStir;
        config.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        // The next call reads the new switches at once (the directory caches the agent's config).
        directory.Invalidate(config.BusinessId);
        return new CallScreeningDto(config.ScreenNoCallerId, config.ScreenFailedStir);
    }
}
