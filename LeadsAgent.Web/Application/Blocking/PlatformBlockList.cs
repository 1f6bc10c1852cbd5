using FluentValidation;
using LeadsAgent.Domain.Blocking;
using LeadsAgent.Domain.Common;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using LeadsAgent.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Blocking;

/// <summary>
/// The platform admin's block list, refused for every business (<c>/api/platform/blocked-numbers</c> and the platform
/// page). A number that is one of the platform's businesses' Twilio numbers is refused: that business calls out from it.
/// </summary>
public sealed class PlatformBlockList(IDbContextFactory<LeadsDbContext> contexts, TenantScope tenant, IValidator<BlockNumberRequest> validator, TimeProvider clock)
{
    const string Duplicate = "This number is already on the platform's block list.";

    public async Task<List<BlockedNumberDto>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.BlockedNumbers.AsNoTracking().Where(b => b.BusinessId == null).OrderByDescending(b => b.CreatedAt).ToListAsync(ct);
        return rows.Select(BlockedNumberDto.From).ToList();
    }

    public async Task<BlockedNumberDto> AddAsync(BlockNumberRequest request, string by, CancellationToken ct = default)
    {
        await validator.ValidateAndThrowAsync(request, ct);
        var number = Clean.Phone(request.Number)!;
        tenant.AcrossBusinesses("platform: check a number to block against the businesses' numbers");
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.Businesses.AnyAsync(b => b.TwilioPhoneNumber == number, ct))
        {
            throw new DomainException("That's the LeadsAgent number of a business on this platform; blocking it would block that business's own calls.", "number");
        }

        if (await db.BlockedNumbers.AnyAsync(b => b.BusinessId == null && b.Number == number, ct))
        {
            throw new ConflictException(Duplicate, "number");
        }

        var entry = new BlockedNumber { Number = number, Reason = Clean.Text(request.Reason), CreatedBy = BlockNumber.Trim(by), CreatedAt = clock.GetUtcNow() };
        return await BlockNumber.SaveAsync(db, entry, Duplicate, ct);
    }

    public async Task<BlockedNumberDto> RemoveAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var entry = await db.BlockedNumbers.SingleOrDefaultAsync(b => b.Id == id && b.BusinessId == null, ct) ?? throw new NotFoundException("Blocked number");
        db.BlockedNumbers.Remove(entry);
        await db.SaveChangesAsync(ct);
        return BlockedNumberDto.From(entry);
    }

    /// <summary>Puts back an entry the admin just removed (Undo), with its counters.</summary>
    public async Task<BlockedNumberDto> RestoreAsync(BlockedNumberDto removed, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var entry = new BlockedNumber
        {
            Id = removed.Id, Number = removed.Number, Reason = removed.Reason, CreatedBy = removed.CreatedBy, CreatedAt = removed.CreatedAt,
            BlockedCalls = removed.BlockedCalls, LastBlockedAt = removed.LastBlockedAt,
        };
        return await BlockNumber.SaveAsync(db, entry, Duplicate, ct);
    }
}
