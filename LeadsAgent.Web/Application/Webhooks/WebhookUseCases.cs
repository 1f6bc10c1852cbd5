using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Domain.Webhooks;
using LeadsAgent.Infrastructure.Net;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Webhooks;
using LeadsAgent.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Web.Application.Webhooks;

/// <summary>The signed-in owner's endpoints and their delivery log (BASIC and up).</summary>
public sealed class WebhookQueries(IDbContextFactory<LeadsDbContext> contexts, CurrentBusiness current)
{
    public const int LogSize = 50;

    public async Task<List<WebhookEndpointDto>> ListAsync(CancellationToken ct = default)
    {
        PlanRules.Require(await current.EffectivePlanAsync(ct), PlanFeature.Webhooks);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var endpoints = await db.WebhookEndpoints.AsNoTracking().OrderBy(e => e.CreatedAt).ToListAsync(ct);
        return [.. endpoints.Select(e => WebhookEndpointDto.From(e))];
    }

    /// <summary>The latest deliveries of one endpoint, newest first; <see cref="NotFoundException"/> for another business's.</summary>
    public async Task<List<WebhookDeliveryDto>> DeliveriesAsync(Guid endpointId, CancellationToken ct = default)
    {
        PlanRules.Require(await current.EffectivePlanAsync(ct), PlanFeature.Webhooks);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.WebhookEndpoints.AnyAsync(e => e.Id == endpointId, ct))
        {
            throw new NotFoundException("Webhook");
        }

        var deliveries = await db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpointId)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(LogSize).ToListAsync(ct);
        return [.. deliveries.Select(WebhookDeliveryDto.From)];
    }
}

/// <summary>Checks an endpoint address the way deliveries will: its form, then its host's addresses (never private).</summary>
public sealed class WebhookTargetCheck(OutboundTargetGuard guard, IOptions<WebhookOptions> options)
{
    public async Task<string> CheckAsync(string? url, CancellationToken ct)
    {
        var allowLoopback = options.Value.AllowLoopbackTargets;
        if (WebhookUrl.Problem(url, allowLoopback) is { } problem)
        {
            throw new DomainException(problem, "url");
        }

        var trimmed = url!.Trim();
        try
        {
            await guard.CheckAsync(new Uri(trimmed), allowLoopback, ct);
        }
        catch (OutboundTargetRefusedException ex)
        {
            throw new DomainException(ex.Reason == OutboundRefusal.HostNotFound ? WebhookUrl.HostNotFound : WebhookUrl.PrivateNetwork, "url");
        }

        return trimmed;
    }
}

/// <summary>Registers an endpoint with a new signing secret, returned this once.</summary>
public sealed class AddWebhook(IDbContextFactory<LeadsDbContext> contexts, CurrentBusiness current, WebhookTargetCheck target, WebhookSecrets secrets,
    TimeProvider clock)
{
    public async Task<WebhookEndpointDto> HandleAsync(WebhookRequest request, CancellationToken ct = default)
    {
        var business = await current.GetAsync(ct);
        PlanRules.Require(current.EffectivePlan(business), PlanFeature.Webhooks);
        var url = await target.CheckAsync(request.Url, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.WebhookEndpoints.CountAsync(ct) >= WebhookEndpoint.MaxPerBusiness)
        {
            throw new DomainException($"You can have at most {WebhookEndpoint.MaxPerBusiness} webhooks; delete one you no longer use first.", "url");
        }

        var secret = WebhookSignature.NewSecret();
        var endpoint = WebhookEndpoint.Create(business.Id, url, request.Events ?? [], secrets.Protect(secret), clock.GetUtcNow());
        if (request.Enabled == false)
        {
            endpoint.Disable("Switched off by you.", clock.GetUtcNow());
        }

        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(ct);
        return WebhookEndpointDto.From(endpoint, secret);
    }
}

/// <summary>Changes an endpoint's address or events, or switches it on or off (on again forgets past failures).</summary>
public sealed class EditWebhook(IDbContextFactory<LeadsDbContext> contexts, CurrentBusiness current, WebhookTargetCheck target, TimeProvider clock)
{
    public async Task<WebhookEndpointDto> HandleAsync(Guid id, WebhookRequest request, CancellationToken ct = default)
    {
        PlanRules.Require(await current.EffectivePlanAsync(ct), PlanFeature.Webhooks);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("Webhook");
        var url = request.Url?.Trim() == endpoint.Url ? endpoint.Url : await target.CheckAsync(request.Url, ct);
        endpoint.Change(url, request.Events ?? endpoint.Events);
        if (request.Enabled == true && !endpoint.Enabled)
        {
            endpoint.Enable();
        }
        else if (request.Enabled == false && endpoint.Enabled)
        {
            endpoint.Disable("Switched off by you.", clock.GetUtcNow());
        }

        await db.SaveChangesAsync(ct);
        return WebhookEndpointDto.From(endpoint);
    }
}

/// <summary>Deletes an endpoint with its delivery log; events waiting for it are not sent.</summary>
public sealed class DeleteWebhook(IDbContextFactory<LeadsDbContext> contexts, CurrentBusiness current)
{
    public async Task HandleAsync(Guid id, CancellationToken ct = default)
    {
        PlanRules.Require(await current.EffectivePlanAsync(ct), PlanFeature.Webhooks);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("Webhook");
        db.WebhookEndpoints.Remove(endpoint);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Replaces an endpoint's signing secret; the new one is returned this once and the old one stops working at once.</summary>
public sealed class RollWebhookSecret(IDbContextFactory<LeadsDbContext> contexts, CurrentBusiness current, WebhookSecrets secrets)
{
    public async Task<WebhookEndpointDto> HandleAsync(Guid id, CancellationToken ct = default)
    {
        PlanRules.Require(await current.EffectivePlanAsync(ct), PlanFeature.Webhooks);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("Webhook");
        var secret = WebhookSignature.NewSecret();
        endpoint.RollSecret(secrets.Protect(secret));
        await db.SaveChangesAsync(ct);
        return WebhookEndpointDto.From(endpoint, secret);
    }
}

/// <summary>
/// Sends a <c>test</c> event to one endpoint now (switched off or not, so the owner can check it before switching it
/// back on) and logs it like any delivery. A test never counts towards switching an endpoint off.
/// </summary>
public sealed class SendTestWebhook(IDbContextFactory<LeadsDbContext> contexts, CurrentBusiness current, WebhookSender sender, TimeProvider clock)
{
    public async Task<WebhookTestResult> HandleAsync(Guid id, CancellationToken ct = default)
    {
        var business = await current.GetAsync(ct);
        PlanRules.Require(current.EffectivePlan(business), PlanFeature.Webhooks);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var endpoint = await db.WebhookEndpoints.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("Webhook");
        var now = clock.GetUtcNow();
        var eventId = WebhookEventWriter.NewEventId();
        var body = WebhookEventWriter.Envelope(eventId, WebhookEvents.Test, business.Id, new
        {
            message = $"A test event from LeadsAgent for {business.Name}. If you can read this, your webhook works.",
            endpointId = endpoint.Id,
        }, now);
        var delivery = WebhookEventWriter.NewDelivery(endpoint, eventId, WebhookEvents.Test, body, now);
        db.WebhookDeliveries.Add(delivery);

        var attempt = await sender.SendAsync(endpoint, delivery, ct);
        var at = clock.GetUtcNow();
        if (attempt.Delivered)
        {
            delivery.Delivered(attempt.StatusCode!.Value, at);
        }
        else
        {
            delivery.Failed(attempt.StatusCode, attempt.Error ?? "Failed.", final: true, at);
        }

        await db.SaveChangesAsync(ct);
        var message = attempt.Delivered
            ? $"Delivered: your server answered {attempt.StatusCode}."
            : $"Not delivered. {attempt.Error}";
        return new WebhookTestResult(attempt.Delivered, attempt.StatusCode, message, WebhookDeliveryDto.From(delivery));
    }
}
