using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Web.Endpoints;
using LeadsAgent.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Account;

/// <summary>
/// Changes the owner's business details, time zone and where leads and emergency alerts go: one use case for the
/// account page and <c>PUT /api/admin/business</c>. Throws FluentValidation's ValidationException (naming the field)
/// and <see cref="ForbiddenException"/> for a change of the Twilio number, which only the platform admin makes.
/// </summary>
public sealed class UpdateBusinessDetails(IDbContextFactory<LeadsDbContext> contexts, BusinessDirectory directory,
    FluentValidation.IValidator<UpdateBusinessRequest> validator, TimeProvider clock)
{
    /// <summary>Validates, refuses a change of Twilio number, applies and saves; returns the business as saved.</summary>
    public async Task<Business> HandleAsync(UpdateBusinessRequest request, CancellationToken ct = default)
    {
        await FluentValidation.DefaultValidatorExtensions.ValidateAndThrowAsync(validator, request, ct);

        // The tenant filter picks the signed-in owner's business (in a request and in a circuit alike).
        await using var db = await contexts.CreateDbContextAsync(ct);
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
