using FluentValidation;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Platform;

/// <summary>
/// A platform admin pauses a business's agent (or lets it answer again), with a reason kept in the audit. While it
/// is suspended its chat widget and phone number say politely that the business is unavailable, calls still leave
/// voicemail leads, and its owner still signs in to read them. The profile cache is dropped, so this instance
/// answers the next message the new way; other instances follow within the cache's lifetime (15 s).
/// </summary>
public sealed class SuspendBusiness(IDbContextFactory<LeadsDbContext> contexts, TenantScope tenant, BusinessDirectory directory,
    IValidator<SuspensionRequest> validator, TimeProvider clock)
{
    public async Task<Business> HandleAsync(Guid businessId, bool suspend, SuspensionRequest request, AdminActor admin, CancellationToken ct = default)
    {
        await validator.ValidateAndThrowAsync(request, ct);
        tenant.AcrossBusinesses(suspend ? "platform: suspend a business" : "platform: resume a business");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var business = await db.Businesses.SingleOrDefaultAsync(b => b.Id == businessId, ct) ?? throw new NotFoundException("Business");
        var now = clock.GetUtcNow();
        var reason = request.Reason!.Trim();
        if (suspend)
        {
            business.Suspend(reason, now);
        }
        else
        {
            business.Resume(now);
        }

        db.AdminActions.Add(admin.Did(businessId, suspend ? AdminActionKind.SUSPENDED : AdminActionKind.RESUMED, now, reason));
        await db.SaveChangesAsync(ct);
        directory.Invalidate(businessId);
        return business;
    }
}
