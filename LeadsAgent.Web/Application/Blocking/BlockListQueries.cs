using LeadsAgent.Domain.Common;
using LeadsAgent.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Blocking;

/// <summary>The owner's block list, whether one number is blocked (lead and conversation pages), and the screening switches.</summary>
public sealed class BlockListQueries(IDbContextFactory<LeadsDbContext> contexts)
{
    /// <summary>The business's own list, newest first (the platform's list is not the owner's to change).</summary>
    public async Task<List<BlockedNumberDto>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.BlockedNumbers.AsNoTracking().Where(b => b.BusinessId != null).OrderByDescending(b => b.CreatedAt).ToListAsync(ct);
        return rows.Select(BlockedNumberDto.From).ToList();
    }

    /// <summary>The entry that blocks this number for the business (its own first, else the platform's), or null.</summary>
    public async Task<BlockedNumberDto?> FindAsync(string? number, CancellationToken ct = default)
    {
        if (LeadsAgent.Domain.Common.PhoneNumbers.Normalize(number) is not { } e164)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var entry = await db.BlockedNumbers.AsNoTracking().Where(b => b.Number == e164).OrderBy(b => b.BusinessId == null).FirstOrDefaultAsync(ct);
        return entry is null ? null : BlockedNumberDto.From(entry);
    }

    public async Task<CallScreeningDto> ScreeningAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var config = await db.AgentConfigs.AsNoTracking().SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Agent configuration");
        return new CallScreeningDto(config.ScreenNoCallerId, config.ScreenFailedStir);
    }
}
