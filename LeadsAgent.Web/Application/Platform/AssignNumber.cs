using FluentValidation;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Web.Application.Display;
using LeadsAgent.Web.Endpoints;
using LeadsAgent.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Platform;

/// <summary>
/// The platform admin connects (or, with an empty number, disconnects) a business's Twilio number; the platform API
/// and the platform page both call it. Only the admin may: whoever holds a number receives its calls.
/// </summary>
public sealed class AssignNumber(BusinessChange businesses, IValidator<AssignNumberRequest> validator, TimeProvider clock)
{
    public async Task<Business> HandleAsync(Guid businessId, AssignNumberRequest request, AdminActor admin, CancellationToken ct = default)
    {
        await validator.ValidateAndThrowAsync(request, ct);
        var number = Clean.Phone(request.TwilioPhoneNumber);
        return await businesses.ApplyAsync(businessId, "platform: assign a Twilio number", async (db, business) =>
        {
            if (number == business.TwilioPhoneNumber)
            {
                return false;
            }

            if (number is not null && await db.Businesses.AnyAsync(b => b.TwilioPhoneNumber == number && b.Id != businessId, ct))
            {
                throw new ConflictException("Another business already uses this Twilio phone number.", "twilioPhoneNumber");
            }

            var now = clock.GetUtcNow();
            var detail = $"{(business.TwilioPhoneNumber is { } old ? PhoneDisplay.Format(old) : "none")} to {(number is null ? "none" : PhoneDisplay.Format(number))}";
            business.TwilioPhoneNumber = number;
            business.UpdatedAt = now;
            db.AdminActions.Add(admin.Did(businessId, AdminActionKind.NUMBER_CHANGED, now, detail: detail));
            return true;
        }, ct);
    }
}
