using System.Security.Claims;
using LeadsAgent.Web.Application.Blocking;
using LeadsAgent.Web.Auth;
using LeadsAgent.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadsAgent.Web.Endpoints;

/// <summary>
/// Block lists and call screening: the owner's list and switches under <c>/api/admin</c>, the platform's list under
/// <c>/api/platform</c>. Duplicates are 409s, the business's own numbers 400s, another business's entries 404s.
/// </summary>
public static class BlockingEndpoints
{
    public static void MapOwnerBlocking(this RouteGroupBuilder admin)
    {
        admin.MapGet("/blocked-numbers", ListAsync);
        admin.MapPost("/blocked-numbers", BlockAsync).Validate<BlockNumberRequest>();
        admin.MapDelete("/blocked-numbers/{id:guid}", UnblockAsync);
        admin.MapGet("/call-screening", async (BlockListQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ScreeningAsync(ct)));
        admin.MapPut("/call-screening", UpdateScreeningAsync);
    }

    public static void MapPlatformBlocking(this IEndpointRouteBuilder app)
    {
        var platform = app.MapGroup("/api/platform/blocked-numbers").RequireAuthorization(AuthPolicies.PlatformAdmin).DisableAntiforgery();
        platform.MapGet("/", async (PlatformBlockList list, CancellationToken ct) => TypedResults.Ok(await list.ListAsync(ct)));
        platform.MapPost("/", PlatformBlockAsync).Validate<BlockNumberRequest>();
        platform.MapDelete("/{id:guid}", PlatformUnblockAsync);
    }

    static string Who(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "";

    static async Task<Ok<List<BlockedNumberDto>>> ListAsync(BlockListQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ListAsync(ct));

    static async Task<Created<BlockedNumberDto>> BlockAsync(BlockNumberRequest request, BlockNumber block, ClaimsPrincipal user, CancellationToken ct)
    {
        var entry = await block.HandleAsync(request, Who(user), ct);
        return TypedResults.Created($"/api/admin/blocked-numbers/{entry.Id}", entry);
    }

    static async Task<NoContent> UnblockAsync(Guid id, UnblockNumber unblock, CancellationToken ct)
    {
        await unblock.HandleAsync(id, ct);
        return TypedResults.NoContent();
    }

    static async Task<Ok<CallScreeningDto>> UpdateScreeningAsync(CallScreeningRequest request, UpdateCallScreening update, CancellationToken ct) =>
        TypedResults.Ok(await update.HandleAsync(request, ct));

    static async Task<Created<BlockedNumberDto>> PlatformBlockAsync(BlockNumberRequest request, PlatformBlockList list, ClaimsPrincipal user, CancellationToken ct)
    {
        var entry = await list.AddAsync(request, Who(user), ct);
        return TypedResults.Created($"/api/platform/blocked-numbers/{entry.Id}", entry);
    }

    static async Task<NoContent> PlatformUnblockAsync(Guid id, PlatformBlockList list, CancellationToken ct)
    {
        await list.RemoveAsync(id, ct);
        return TypedResults.NoContent();
    }
}
