using System.Security.Claims;
using LeadsAgent.Infrastructure.Identity;
using LeadsAgent.Web.Application.Platform;
using LeadsAgent.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadsAgent.Web.Endpoints;

/// <summary>
/// Platform admins create businesses, change their plans, suspend and resume them and send owners a password reset
/// link; every change is audited (admin_actions). The platform page calls the same use cases.
/// </summary>
public static class PlatformEndpoints
{
    public static void MapPlatform(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/platform/businesses").RequireAuthorization(AuthPolicies.PlatformAdmin).DisableAntiforgery();
        group.MapPost("/", CreateAsync).Validate<CreateBusinessRequest>();
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", OpenAsync);
        group.MapPut("/{id:guid}/plan", ChangePlanAsync).Validate<ChangePlanRequest>();
        group.MapPut("/{id:guid}/number", AssignNumberAsync).Validate<AssignNumberRequest>();
        group.MapPost("/{id:guid}/suspend", SuspendAsync).Validate<SuspensionRequest>();
        group.MapPost("/{id:guid}/resume", ResumeAsync).Validate<SuspensionRequest>();
        group.MapPost("/{id:guid}/password-reset", SendPasswordResetAsync);
        app.MapGet("/api/platform/audit", AuditAsync).RequireAuthorization(AuthPolicies.PlatformAdmin);
        // The owner's side of the reset link: anonymous (the token is the proof), for API clients; the page calls the same use case.
        app.MapPost("/api/auth/reset-password", ResetPasswordAsync).AllowAnonymous().DisableAntiforgery().Validate<ResetPasswordRequest>();
    }

    static async Task<Created<BusinessDto>> CreateAsync(CreateBusinessRequest request, AddBusiness add, ClaimsPrincipal user, CancellationToken ct)
    {
        var business = await add.HandleAsync(request, user, ct);
        return TypedResults.Created($"/api/platform/businesses/{business.Id}", BusinessDto.From(business));
    }

    static async Task<Ok<List<BusinessRow>>> ListAsync(PlatformQueries platform, CancellationToken ct) =>
        TypedResults.Ok(await platform.RowsAsync(ct));

    /// <summary>The read-only owner view; opening it is audited like opening it on the page.</summary>
    static async Task<Ok<BusinessView>> OpenAsync(Guid id, OpenBusiness open, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await open.HandleAsync(id, AdminActor.From(user), ct: ct));

    static async Task<Ok<BusinessDto>> ChangePlanAsync(Guid id, ChangePlanRequest request, ChangePlan plans, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(BusinessDto.From(await plans.HandleAsync(id, request, AdminActor.From(user), ct)));

    static async Task<Ok<BusinessDto>> AssignNumberAsync(Guid id, AssignNumberRequest request, AssignNumber numbers, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(BusinessDto.From(await numbers.HandleAsync(id, request, AdminActor.From(user), ct)));

    static async Task<Ok<BusinessDto>> SuspendAsync(Guid id, SuspensionRequest request, SuspendBusiness suspension, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(BusinessDto.From(await suspension.HandleAsync(id, suspend: true, request, AdminActor.From(user), ct)));

    static async Task<Ok<BusinessDto>> ResumeAsync(Guid id, SuspensionRequest request, SuspendBusiness suspension, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(BusinessDto.From(await suspension.HandleAsync(id, suspend: false, request, AdminActor.From(user), ct)));

    static async Task<Accepted<PasswordResetQueued>> SendPasswordResetAsync(Guid id, SendPasswordReset reset, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Accepted((string?)null, new PasswordResetQueued(await reset.HandleAsync(id, AdminActor.From(user), ct)));

    static async Task<Ok<List<AdminActionRow>>> AuditAsync(Guid? businessId, int? take, PlatformQueries platform, CancellationToken ct) =>
        TypedResults.Ok(await platform.RecentActionsAsync(Math.Clamp(take ?? 50, 1, 500), businessId, ct));

    static async Task<NoContent> ResetPasswordAsync(ResetPasswordRequest request, ResetPassword reset, CancellationToken ct)
    {
        await reset.HandleAsync(request, ct);
        return TypedResults.NoContent();
    }
}

/// <summary>The reset email is queued in the outbox for this address.</summary>
public sealed record PasswordResetQueued(string SentTo);

public static class AuthPolicies
{
    public const string PlatformAdmin = Roles.PlatformAdmin;
    public const string Owner = Roles.Owner;
}
