using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Identity;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Infrastructure.Businesses;

public sealed record CreateBusinessCommand(
    string Name,
    BusinessType BusinessType,
    PlanTier PlanTier,
    string? TwilioPhoneNumber,
    string? NotificationEmail,
    string? NotificationPhoneNumber,
    string OwnerEmail,
    string OwnerPassword,
    string? TimeZone = null);

/// <summary>Creates a business with its agent config, default questions and owner, all or nothing.</summary>
public sealed class CreateBusiness(LeadsDbContext db, TenantScope tenant, UserManager<AppUser> users, TimeProvider clock)
{
    public async Task<Business> HandleAsync(CreateBusinessCommand command, CancellationToken ct = default)
    {
        // A Twilio number belongs to one business across the platform; refused to owners by the tenant scope.
        tenant.AcrossBusinesses("create a business");
        if (command.TwilioPhoneNumber is not null &&
            await db.Businesses.AnyAsync(b => b.TwilioPhoneNumber == command.TwilioPhoneNumber, ct))
        {
            throw new ConflictException("Another business already uses this Twilio phone number.", "twilioPhoneNumber");
        }

        if (await users.FindByEmailAsync(command.OwnerEmail) is not null)
        {
            throw new ConflictException("A user with this email already exists.", "ownerEmail");
        }

        var now = clock.GetUtcNow();
        var business = Business.Create(command.Name, command.BusinessType, command.PlanTier, now);
        business.TwilioPhoneNumber = command.TwilioPhoneNumber;
        business.NotificationEmail = command.NotificationEmail ?? command.OwnerEmail;
        business.NotificationPhoneNumber = command.NotificationPhoneNumber;
        business.TimeZone = command.TimeZone ?? Business.DefaultTimeZone;
        var config = new AgentConfig { BusinessId = business.Id, CreatedAt = now, UpdatedAt = now };
        config.AddQuestions(PlanTier.PRO, DefaultQuestions.For(command.BusinessType), now);
        business.AgentConfig = config;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Businesses.Add(business);
        await db.SaveChangesAsync(ct);

        var owner = new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = command.OwnerEmail,
            Email = command.OwnerEmail,
            EmailConfirmed = true,
            BusinessId = business.Id,
            CreatedAt = now,
        };
        ThrowIfFailed(await users.CreateAsync(owner, command.OwnerPassword));
        ThrowIfFailed(await users.AddToRoleAsync(owner, Roles.Owner));
        await tx.CommitAsync(ct);
        return business;
    }

    /// <summary>Identity's errors become a 400 naming the field they are about; the transaction is rolled back.</summary>
    internal static void ThrowIfFailed(IdentityResult result, string passwordField = "ownerPassword", string emailField = "ownerEmail")
    {
        if (result.Succeeded)
        {
            return;
        }

        var error = result.Errors.First();
        var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField
            : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? emailField
            : null;
        var message = string.Join(" ", result.Errors.Select(e => e.Description));
        if (error.Code is "DuplicateEmail" or "DuplicateUserName")
        {
            throw new ConflictException(message, field);
        }

        throw new DomainException(message, field);
    }
}
