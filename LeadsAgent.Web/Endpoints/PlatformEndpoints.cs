using System.Security.Claims;
using LeadsAgent.Domain.Common;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Identity;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
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
        group.MapPut("/{id:guid}/number", AssignNumberAsync).Validate<AssignNumberRequest>();
    }

    static async Task<Created<BusinessDto>> CreateAsync(CreateBusinessRequest request, CreateBusiness create, CancellationToken ct)
    {
        var business = await create.HandleAsync(new CreateBusinessCommand(
            request.Name!.Trim(), request.BusinessType!.Value, request.PlanTier!.Value, Clean.Phone(request.TwilioPhoneNumber),
            Clean.Text(request.NotificationEmail), Clean.Phone(request.NotificationPhoneNumber),
            request.OwnerEmail!.Trim(), request.OwnerPassword!, Clean.Text(request.TimeZone)), ct);
        return TypedResults.Created($"/api/platform/businesses/{business.Id}", BusinessDto.From(business));
    }

    static async Task<Ok<List<BusinessDto>>> ListAsync(TenantScope tenant, LeadsDbContext db, CancellationToken ct)
    {
        tenant.AcrossBusinesses("platform: list businesses");
        var businesses = await db.Businesses.AsNoTracking().OrderBy(b => b.Name).ToListAsync(ct);
        return TypedResults.Ok(businesses.Select(BusinessDto.From).ToList());
    }

    static async Task<Ok<BusinessDto>> ChangePlanAsync(Guid id, ChangePlanRequest request, PlanChanger plans, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(BusinessDto.From(await plans.ChangeAsync(id, request.PlanTier!.Value, user, ct)));

    /// <summary>Only the platform admin connects a Twilio number to a business (an owner could otherwise take over any unassigned number's calls).</summary>
    static async Task<Ok<BusinessDto>> AssignNumberAsync(Guid id, AssignNumberRequest request, TenantScope tenant, LeadsDbContext db,
        BusinessDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        tenant.AcrossBusinesses("platform: assign a Twilio number");
        var business = await db.Businesses.SingleOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException("Business");
        var number = Clean.Phone(request.TwilioPhoneNumber);
        if (number is not null && await db.Businesses.AnyAsync(b => b.TwilioPhoneNumber == number && b.Id != id, ct))
        {
            throw new ConflictException("Another business already uses this Twilio phone number.", "twilioPhoneNumber");
        }

        business.TwilioPhoneNumber = number;
        business.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        directory.Invalidate(business.Id);
        return TypedResults.Ok(BusinessDto.From(business));
    }
}

public static class AuthPolicies
{
    public const string PlatformAdmin = Roles.PlatformAdmin;
    public const string Owner = Roles.Owner;
}
