using System.Text.Json;
using System.Text.Json.Nodes;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Domain.Webhooks;
using LeadsAgent.Infrastructure.Notifications;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LeadsAgent.Infrastructure.Webhooks;

/// <summary>
/// Sends a WEBHOOK_DELIVERY outbox row: one signed POST, every attempt recorded on the delivery. Retries follow the
/// webhook schedule (30 s doubling to 4 h, 12 attempts by default) rather than the emails' one. An endpoint that has
/// failed <see cref="WebhookOptions.DisableAfterFailures"/> times in a row over <see cref="WebhookOptions.DisableAfterHours"/>
/// is switched off, its waiting deliveries cancelled, and the owner emailed (a WEBHOOK_DISABLED row).
/// </summary>
public sealed partial class WebhookDeliveryHandler(IServiceScopeFactory scopes, NpgsqlDataSource dataSource, WebhookSender sender, IOptions<WebhookOptions> options, TimeProvider clock,
    ILogger<WebhookDeliveryHandler> logger) : IOutboxHandler, IOutboxRetryPolicy
{
    public NotificationKind Kind => NotificationKind.WEBHOOK_DELIVERY;

    public int MaxAttempts => options.Value.MaxAttempts;

    public double RetryDelaySeconds(int attempt) =>
        Math.Min(options.Value.MaxRetrySeconds, options.Value.FirstRetrySeconds * Math.Pow(2, Math.Max(0, attempt - 1)));

    public async Task<OutboxOutcome> HandleAsync(OutboxItem item, CancellationToken ct)
    {
        var deliveryId = JsonNode.Parse(item.Payload)?["deliveryId"]?.GetValue<Guid>()
            ?? throw new OutboxRetryException("The outbox row names no delivery.", retry: false);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.DbForBusiness(item.BusinessId);
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId, ct);
        if (delivery is null || delivery.Status != WebhookDeliveryStatus.PENDING)
        {
            // Deleted with its endpoint, or already settled by an earlier attempt.
            return delivery?.Status == WebhookDeliveryStatus.DELIVERED ? OutboxOutcome.Sent : OutboxOutcome.Cancelled;
        }

        var endpoint = await db.WebhookEndpoints.AsNoTracking().SingleOrDefaultAsync(e => e.Id == delivery.EndpointId, ct);
        if (endpoint is not { Enabled: true })
        {
            delivery.Cancel("Not sent: the endpoint was switched off.");
            await db.SaveChangesAsync(ct);
            return OutboxOutcome.Cancelled;
        }

        var attempt = await sender.SendAsync(endpoint, delivery, ct);
        var now = clock.GetUtcNow();
        if (attempt.Delivered)
        {
            delivery.Delivered(attempt.StatusCode!.Value, now);
            await db.SaveChangesAsync(ct);
            await ExecuteAsync("UPDATE webhook_endpoints SET consecutive_failures = 0, first_failure_at = NULL WHERE id = $1", ct, endpoint.Id);
            return OutboxOutcome.Sent;
        }

        var o = options.Value;
        var (failures, firstFailureAt) = await CountFailureAsync(endpoint.Id, now, ct);
        var disable = WebhookEndpoint.ShouldSwitchOff(failures, firstFailureAt, now, o.DisableAfterFailures, TimeSpan.FromHours(o.DisableAfterHours))
            && await SwitchOffAsync(endpoint.Id, failures, firstFailureAt, now, attempt.Error, ct);
        var final = disable || item.Attempts >= MaxAttempts;
        delivery.Failed(attempt.StatusCode, attempt.Error ?? "Failed.", final, now);
        if (disable)
        {
            db.Notifications.Add(new Notification
            {
                BusinessId = endpoint.BusinessId,
                Kind = NotificationKind.WEBHOOK_DISABLED,
                Payload = JsonSerializer.Serialize(new { endpointId = endpoint.Id, url = endpoint.Url, failures, lastError = attempt.Error }),
                NextAttemptAt = now,
                CreatedAt = now,
                UpdatedAt = now,
            });
            LogDisabled(logger, endpoint.Id, endpoint.BusinessId, failures);
        }

        await db.SaveChangesAsync(ct);
        throw new OutboxRetryException(attempt.Error ?? "Failed.", retry: !final);
    }

    // The endpoint's counters change in single statements: deliveries to one endpoint run in parallel (and on several
    // instances), and a read-modify-write would lose counts or switch the endpoint off, and email the owner, twice.
    async Task<(int Failures, DateTimeOffset FirstFailureAt)> CountFailureAsync(Guid endpointId, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE webhook_endpoints SET consecutive_failures = consecutive_failures + 1, first_failure_at = COALESCE(first_failure_at, $2)
            WHERE id = $1 RETURNING consecutive_failures, first_failure_at
            """);
        command.Parameters.AddWithValue(endpointId);
        command.Parameters.AddWithValue(now);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt32(0), reader.GetFieldValue<DateTimeOffset>(1)) : (0, now);
    }

    /// <summary>Switches the endpoint off unless another attempt just did; true for the one that did.</summary>
    async Task<bool> SwitchOffAsync(Guid endpointId, int failures, DateTimeOffset firstFailureAt, DateTimeOffset now, string? lastError, CancellationToken ct)
    {
        var hours = (int)Math.Floor((now - firstFailureAt).TotalHours);
        var reason = $"Switched off after {failures} failed deliveries in a row over {hours} hours. Last: {lastError}";
        reason = reason.Length <= WebhookEndpoint.MaxDisabledReason ? reason : reason[..WebhookEndpoint.MaxDisabledReason];
        return await ExecuteAsync("UPDATE webhook_endpoints SET enabled = false, disabled_at = $2, disabled_reason = $3 WHERE id = $1 AND enabled", ct,
            endpointId, now, reason) == 1;
    }

    async Task<int> ExecuteAsync(string sql, CancellationToken ct, params object[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }

        return await command.ExecuteNonQueryAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook endpoint {EndpointId} of business {BusinessId} switched off after {Failures} failures in a row")]
    private static partial void LogDisabled(ILogger logger, Guid endpointId, Guid businessId, int failures);
}
