using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using LeadsAgent.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Endpoints;

/// <summary>
/// The platform admin connects (or, with an empty number, disconnects) a business's Twilio number; the platform API
/// and the Businesses page both call it. Only the admin may: whoever holds a number receives its calls.
/// </summary>
public sealed class NumberAssigner(LeadsDbContext db, TenantScope tenant, BusinessDirectory directory,
    FluentValidation.IValidator<AssignNumberRequest> validator, TimeProvider clock)
{
    public async Task<Business> AssignAsync(Guid businessId, AssignNumberRequest request, CancellationToken ct)
    {
        await FluentValidation.DefaultValidatorExtensions.ValidateAndThrowAsync(validator, request, ct);
        tenant.AcrossBusinesses("platform: assign a Twilio number");
        var business = await db.Businesses.SingleOrDefaultAsync(b => b.Id == businessId, ct) ?? throw new NotFoundException("Business");
        var number = Clean.Phone(request.TwilioPhoneNumber);
        if (number is not null && await db.Businesses.AnyAsync(b => b.TwilioPhoneNumber == number && b.Id != businessId, ct))
        {
            throw new ConflictException("Another business already uses this Twilio phone number.", "twilioPhoneNumber");
        }

        business.TwilioPhoneNumber = number;
        business.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        directory.Invalidate(business.Id);
        return business;
    }
}
