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
    /// <summary>Validates (a ValidationException names the field), refuses a change of Twilio number, applies and saves.</summary>
    public async Task<Business> UpdateAsync(UpdateBusinessRequest request, CancellationToken ct)
    {
        await FluentValidation.DefaultValidatorExtensions.ValidateAndThrowAsync(validator, request, ct);

        // Tracked in this request's context (CurrentBusiness hands out a read-only copy); the tenant filter picks the owner's business.
        var business = await db.Businesses.SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Business");
        if (request.TwilioPhoneNumber is not null && Clean.Phone(request.TwilioPhoneNumber) != business.TwilioPhoneNumber)
        {
            // Whoever holds a number receives its calls: only the platform admin connects numbers (PUT /api/platform/businesses/{id}/number).
            throw new ForbiddenException("Your LeadsAgent administrator connects the Twilio number; ask them to change it.", "twilioPhoneNumber");
        }

        // A partial update: an omitted field (null) keeps its value; an empty one clears an optional field.
        business.Name = request.Name?.Trim() ?? business.Name;
        business.BusinessType = request.BusinessType ?? business.BusinessType;
        business.NotificationEmail = request.NotificationEmail is null ? business.NotificationEmail : Clean.Text(request.NotificationEmail);
        business.NotificationPhoneNumber = request.NotificationPhoneNumber is null ? business.NotificationPhoneNumber : Clean.Phone(request.NotificationPhoneNumber);
        business.BackupPhoneNumber = request.BackupPhoneNumber is null ? business.BackupPhoneNumber : Clean.Phone(request.BackupPhoneNumber);
        business.TimeZone = Clean.Text(request.TimeZone) ?? business.TimeZone;
        business.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        directory.Invalidate(business.Id);
        return business;
    }
}
