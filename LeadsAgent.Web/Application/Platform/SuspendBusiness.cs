using FluentValidation;
using LeadsAgent.Domain.Businesses;

namespace LeadsAgent.Web.Application.Platform;

/// <summary>
/// A platform admin pauses a business's agent (or lets it answer again), with a reason kept in the audit. While it
/// is suspended its chat widget and phone number say politely that the business is unavailable, calls still leave
/// voicemail leads, and its owner still signs in to read them. The profile cache is dropped, so this instance
/// answers the next message the new way; other instances follow within the cache's lifetime (15 s).
/// </summary>
public sealed class SuspendBusiness(BusinessChange businesses, IValidator<SuspensionRequest> validator, TimeProvider clock)
{
    public async Task<Business> HandleAsync(Guid businessId, bool suspend, SuspensionRequest request, AdminActor admin, CancellationToken ct = default)
    {
        await validator.ValidateAndThrowAsync(request, ct);
        return await businesses.ApplyAsync(businessId, suspend ? "platform: suspend a business" : "platform: resume a business", (db, business) =>
        {
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
            return Task.FromResult(true);
        }, ct);
    }
}
