using LeadsAgent.Domain.Plans;
using LeadsAgent.Web.Application.Webhooks;
using LeadsAgent.Web.Auth;
using LeadsAgent.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadsAgent.Web.Endpoints;

/// <summary>The owner's outbound webhooks (BASIC and up): the same use cases as the dashboard's webhooks page.</summary>
public static class WebhookEndpoints
{
    public static void MapWebhooks(this RouteGroupBuilder admin)
    {
        var hooks = admin.MapGroup("/webhooks").RequirePlan(PlanRules.RequiredTier(PlanFeature.Webhooks));
        hooks.MapGet("/", async (WebhookQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ListAsync(ct)));
        hooks.MapPost("/", CreateAsync).Validate<WebhookRequest>();
        hooks.MapPut("/{id:guid}", UpdateAsync).Validate<WebhookRequest>();
        hooks.MapDelete("/{id:guid}", DeleteAsync);
        hooks.MapPost("/{id:guid}/test", async (Guid id, SendTestWebhook test, CancellationToken ct) => TypedResults.Ok(await test.HandleAsync(id, ct)));
        hooks.MapPost("/{id:guid}/roll-secret", async (Guid id, RollWebhookSecret roll, CancellationToken ct) => TypedResults.Ok(await roll.HandleAsync(id, ct)));
        hooks.MapGet("/{id:guid}/deliveries", async (Guid id, WebhookQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.DeliveriesAsync(id, ct)));
    }

    static async Task<Created<WebhookEndpointDto>> CreateAsync(WebhookRequest request, AddWebhook add, CancellationToken ct)
    {
        var endpoint = await add.HandleAsync(request, ct);
        return TypedResults.Created($"/api/admin/webhooks/{endpoint.Id}", endpoint);
    }

    static async Task<Ok<WebhookEndpointDto>> UpdateAsync(Guid id, WebhookRequest request, EditWebhook edit, CancellationToken ct) =>
        TypedResults.Ok(await edit.HandleAsync(id, request, ct));

    static async Task<NoContent> DeleteAsync(Guid id, DeleteWebhook delete, CancellationToken ct)
    {
        await delete.HandleAsync(id, ct);
        return TypedResults.NoContent();
    }
}
