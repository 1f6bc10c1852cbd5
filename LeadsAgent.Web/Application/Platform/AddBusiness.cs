using System.Security.Claims;
using FluentValidation;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using LeadsAgent.Web.Auth;
using LeadsAgent.Web.Endpoints;
using LeadsAgent.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Platform;

/// <summary>
/// A platform admin adds a business with its owner (the API's POST /api/platform/businesses and the platform page).
/// <see cref="CreateBusiness"/> works on one DbContext and Identity's UserManager inside a transaction; it runs in a
/// scope of its own, so a refused attempt leaves nothing behind for the next one in a long-lived dashboard circuit.
/// </summary>
public sealed class AddBusiness(IServiceScopeFactory scopes, IValidator<CreateBusinessRequest> validator, TimeProvider clock)
{
    public async Task<Business> HandleAsync(CreateBusinessRequest request, ClaimsPrincipal admin, CancellationToken ct = default)
    {
        await validator.ValidateAndThrowAsync(request, ct);
        await using var scope = scopes.CreateAsyncScope();
        // The new scope's tenant is the admin, wherever the call comes from (a request or a circuit).
        scope.ServiceProvider.GetRequiredService<CircuitUser>().Set(admin);
        var business = await scope.ServiceProvider.GetRequiredService<CreateBusiness>().HandleAsync(new CreateBusinessCommand(
            request.Name!.Trim(), request.BusinessType!.Value, request.PlanTier!.Value, Clean.Phone(request.TwilioPhoneNumber),
            Clean.Text(request.NotificationEmail), Clean.Phone(request.NotificationPhoneNumber),
            request.OwnerEmail!.Trim(), request.OwnerPassword!, Clean.Text(request.TimeZone)), ct);
        var db = scope.ServiceProvider.DbAcrossBusinesses("platform: audit a new business");
        db.AdminActions.Add(AdminActor.From(admin).Did(business.Id, AdminActionKind.CREATED, clock.GetUtcNow(),
            detail: $"{business.PlanTier} plan, owner {request.OwnerEmail!.Trim()}"));
        await db.SaveChangesAsync(ct);
        return business;
    }
}
