using System.Text.Json;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Platform;

/// <summary>
/// A platform admin asks for a password reset email to a business's owner. The email goes through the outbox (the
/// same retries as lead emails); the row names only the owner's account, and the worker makes the Identity token
/// when it sends. The admin never sees the token or a password. Returns the address the email goes to.
/// </summary>
public sealed class SendPasswordReset(IDbContextFactory<LeadsDbContext> contexts, TenantScope tenant, TimeProvider clock)
{
    public async Task<string> HandleAsync(Guid businessId, AdminActor admin, CancellationToken ct = default)
    {
        tenant.AcrossBusinesses("platform: send an owner a password reset link");
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.Businesses.AnyAsync(b => b.Id == businessId, ct))
        {
            throw new NotFoundException("Business");
        }

        var owner = await (from u in db.Users
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where r.Name == Infrastructure.Identity.Roles.Owner && u.BusinessId == businessId && u.Email != null
                           orderby u.CreatedAt
                           select new { u.Id, u.Email }).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("This business has no owner account to send a reset link to.", "owner");
        var now = clock.GetUtcNow();
        db.Notifications.Add(new Notification
        {
            BusinessId = businessId,
            Kind = NotificationKind.PASSWORD_RESET,
            Payload = JsonSerializer.Serialize(new { userId = owner.Id }),
            NextAttemptAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        });
        db.AdminActions.Add(admin.Did(businessId, AdminActionKind.PASSWORD_RESET_SENT, now, detail: $"Reset link emailed to {owner.Email}"));
        await db.SaveChangesAsync(ct);
        return owner.Email!;
    }
}
