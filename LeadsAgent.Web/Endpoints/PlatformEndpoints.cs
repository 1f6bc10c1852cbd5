using System.Security.Claims;
using LeadsAgent.Domain.Common;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Identity;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Endpoints;

/// <summary>Platform admins create businesses and change their plans (audited).</summary>
public static class PlatformEndpoints
{
    public static void MapPlatform(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/platform/businesses").RequireAuthorization(AuthPolicies.PlatformAdmin).DisableAntiforgery();
        group.MapPost("/", CreateAsync).Validate<CreateBusinessRequest>();
        group.MapGet("/", ListAsync);
        group.MapPut("/{id:guid}/plan", ChangePlanAsync).Validate<ChangePlanRequest>();
    }

    static async Task<Created<BusinessDto>> CreateAsync(CreateBusinessRequest request, CreateBusiness create, CancellationToken ct)
    {
        var business = await create.HandleAsync(new CreateBusinessCommand(
            request.Name!.Trim(), request.BusinessType!.Value, request.PlanTier!.Value, Clean.Phone(request.TwilioPhoneNumber),
            Clean.Text(request.NotificationEmail), Clean.Phone(request.NotificationPhoneNumber),
            request.OwnerEmail!.Trim(), request.OwnerPassword!, Clean.Text(request.TimeZone)), ct);
        return TypedResults.Created($"/api/platform/businesses/{business.Id}", BusinessDto.From(business));
    }

    static async Task<Ok<List<BusinessDto>>> ListAsync(LeadsDbContext db, CancellationToken ct)
    {
        var businesses = await db.Businesses.AsNoTracking().OrderBy(b => b.Name).ToListAsync(ct);
        return TypedResults.Ok(businesses.Select(BusinessDto.From).ToList());
    }

    static async Task<Ok<BusinessDto>> ChangePlanAsync(Guid id, ChangePlanRequest request, LeadsDbContext db, ClaimsPrincipal user,
        BusinessDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var business = await db.Businesses.SingleOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException("Business");
        var userId = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var uid) ? uid : (Guid?)null;
        var change = business.ChangePlan(request.PlanTier!.Value, userId, user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "", clock.GetUtcNow());
        if (change is not null)
        {
            db.PlanChanges.Add(change);
            await db.SaveChangesAsync(ct);
            directory.Invalidate(business.Id);
        }

        return TypedResults.Ok(BusinessDto.From(business));
    }
}

public static class AuthPolicies
{
    public const string PlatformAdmin = Roles.PlatformAdmin;
    public const string Owner = Roles.Owner;
}
