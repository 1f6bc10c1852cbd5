using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Endpoints;

/// <summary>Changes the owner's business details and notification numbers; the JSON API and the account page both call it.</summary>
public sealed class BusinessUpdater(LeadsDbContext db, BusinessDirectory directory, FluentValidation.IValidator<UpdateBusinessRequest> validator, TimeProvider clock)
{
    /// <summary>Validates (a ValidationException names the field), checks the Twilio number is free, applies and saves.</summary>
    public async Task<Business> UpdateAsync(UpdateBusinessRequest request, CancellationToken ct)
    {
        await FluentValidation.DefaultValidatorExtensions.ValidateAndThrowAsync(validator, request, ct);

        // Tracked in this request's context (CurrentBusiness hands out a read-only copy); the tenant filter picks the owner's business.
        var business = await db.Businesses.SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Business");
        var twilioNumber = Clean.Phone(request.TwilioPhoneNumber);
        if (twilioNumber is not null && twilioNumber != business.TwilioPhoneNumber &&
            await db.Businesses.IgnoreQueryFilters().AnyAsync(b => b.TwilioPhoneNumber == twilioNumber && b.Id != business.Id, ct))
        {
            throw new ConflictException("Another business already uses this Twilio phone number.", "twilioPhoneNumber");
        }

        business.Name = request.Name!.Trim();
        business.BusinessType = request.BusinessType ?? business.BusinessType;
        business.TwilioPhoneNumber = twilioNumber;
        business.NotificationEmail = Clean.Text(request.NotificationEmail);
        business.NotificationPhoneNumber = Clean.Phone(request.NotificationPhoneNumber);
        business.BackupPhoneNumber = Clean.Phone(request.BackupPhoneNumber);
        business.TimeZone = Clean.Text(request.TimeZone) ?? business.TimeZone;
        business.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        directory.Invalidate(business.Id);
        return business;
    }
}
