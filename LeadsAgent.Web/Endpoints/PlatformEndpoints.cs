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

    static async Task<Ok<List<BusinessDto>>> ListAsync(PlatformQueries platform, CancellationToken ct) =>
        TypedResults.Ok((await platform.BusinessesAsync(ct)).Select(BusinessDto.From).ToList());

    static async Task<Ok<BusinessDto>> ChangePlanAsync(Guid id, ChangePlanRequest request, PlanChanger plans, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(BusinessDto.From(await plans.ChangeAsync(id, request.PlanTier!.Value, user, ct)));

    static async Task<Ok<BusinessDto>> AssignNumberAsync(Guid id, AssignNumberRequest request, NumberAssigner numbers, CancellationToken ct) =>
        TypedResults.Ok(BusinessDto.From(await numbers.AssignAsync(id, request, ct)));
}

public static class AuthPolicies
{
    public const string PlatformAdmin = Roles.PlatformAdmin;
    public const string Owner = Roles.Owner;
}
