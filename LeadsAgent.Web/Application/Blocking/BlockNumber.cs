using FluentValidation;
using LeadsAgent.Domain.Blocking;
using LeadsAgent.Domain.Common;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Web.Validation;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LeadsAgent.Web.Application.Blocking;

/// <summary>
/// The owner blocks a number on their business's list (the settings page, the lead and conversation pages, and
/// <c>POST /api/admin/blocked-numbers</c>). Refuses the business's own Twilio number and the owner's phones, and a
/// number already on the list (<see cref="ConflictException"/>, a 409).
/// </summary>
public sealed class BlockNumber(IDbContextFactory<LeadsDbContext> contexts, IValidator<BlockNumberRequest> validator, TimeProvider clock)
{
    public async Task<BlockedNumberDto> HandleAsync(BlockNumberRequest request, string by, CancellationToken ct = default)
    {
        await validator.ValidateAndThrowAsync(request, ct);
        var number = Clean.Phone(request.Number)!;
        // The tenant filter picks the signed-in owner's business (in a request and in a circuit alike).
        await using var db = await contexts.CreateDbContextAsync(ct);
        var business = await db.Businesses.AsNoTracking().SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Business");
        if (number == business.TwilioPhoneNumber)
        {
            throw new DomainException("That's your business's own LeadsAgent number: blocking it would block your own calls.", "number");
        }

        if (number == business.NotificationPhoneNumber || number == business.BackupPhoneNumber)
        {
            throw new DomainException("That's the phone your alerts go to. Blocking it would stop your own calls; change it on the Account page first if it's no longer yours.", "number");
        }

        if (await db.BlockedNumbers.AnyAsync(b => b.BusinessId == business.Id && b.Number == number, ct))
        {
            throw new ConflictException("This number is already on your block list.", "number");
        }

        var entry = new BlockedNumber
        {
            BusinessId = business.Id,
            Number = number,
            Reason = Clean.Text(request.Reason),
            CreatedBy = Trim(by),
            CreatedAt = clock.GetUtcNow(),
        };
        return await SaveAsync(db, entry, "This number is already on your block list.", ct);
    }

    /// <summary>Puts back an entry the owner just removed (Undo), with its counters.</summary>
    public async Task<BlockedNumberDto> RestoreAsync(BlockedNumberDto removed, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var business = await db.Businesses.AsNoTracking().SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Business");
        var entry = new BlockedNumber
        {
            Id = removed.Id,
            BusinessId = business.Id,
            Number = removed.Number,
            Reason = removed.Reason,
            CreatedBy = removed.CreatedBy,
            CreatedAt = removed.CreatedAt,
            BlockedCalls = removed.BlockedCalls,
            LastBlockedAt = removed.LastBlockedAt,
        };
        return await SaveAsync(db, entry, "This number is already on your block list.", ct);
    }

    internal static async Task<BlockedNumberDto> SaveAsync(LeadsDbContext db, BlockedNumber entry, string duplicate, CancellationToken ct)
    {
        db.BlockedNumbers.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Someone added the same number a moment ago (another tab, the API).
            throw new ConflictException(duplicate, "number");
        }

        return BlockedNumberDto.From(entry);
    }

    internal static string Trim(string by) => by.Length > BlockedNumber.MaxCreatedBy ? by[..BlockedNumber.MaxCreatedBy] : by;
}
