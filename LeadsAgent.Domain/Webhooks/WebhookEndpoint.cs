using LeadsAgent.Domain.Common;

namespace LeadsAgent.Domain.Webhooks;

/// <summary>The events an owner can subscribe an endpoint to, and the "test" event the dashboard sends on request.</summary>
public static class WebhookEvents
{
    public const string LeadCreated = "lead.created";
    public const string LeadUpdated = "lead.updated";
    public const string CallCompleted = "call.completed";
    public const string EmergencyDetected = "emergency.detected";
    /// <summary>Sent only by "Send test event"; never subscribed to.</summary>
    public const string Test = "test";

    public static IReadOnlyList<string> All { get; } = [LeadCreated, LeadUpdated, CallCompleted, EmergencyDetected];

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);
}

/// <summary>An owner's HTTPS address that receives signed event deliveries; switched off after failing for long enough.</summary>
public sealed class WebhookEndpoint
{
    public const int MaxUrl = 2000;
    public const int MaxDisabledReason = 300;
    /// <summary>Enough for any real integration; stops a runaway script filling the table.</summary>
    public const int MaxPerBusiness = 10;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; init; }
    public string Url { get; private set; } = "";
    public List<string> Events { get; private set; } = [];
    /// <summary>The signing secret, encrypted at rest (ASP.NET Core Data Protection); never shown again after creation.</summary>
    public string SecretProtected { get; private set; } = "";
    public bool Enabled { get; private set; } = true;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DisabledAt { get; private set; }
    public string? DisabledReason { get; private set; }
    public int ConsecutiveFailures { get; private set; }
    public DateTimeOffset? FirstFailureAt { get; private set; }

    public static WebhookEndpoint Create(Guid businessId, string url, IEnumerable<string> events, string secretProtected, DateTimeOffset now)
    {
        var endpoint = new WebhookEndpoint { BusinessId = businessId, CreatedAt = now };
        endpoint.Change(url, events);
        endpoint.SecretProtected = secretProtected;
        return endpoint;
    }

    /// <summary>A new address or event list; the owner changed the endpoint, so past failures no longer count.</summary>
    public void Change(string url, IEnumerable<string> events)
    {
        var list = events.Distinct(StringComparer.Ordinal).ToList();
        if (list.Count == 0)
        {
            throw new DomainException("Choose at least one event to send.", "events");
        }

        if (list.FirstOrDefault(e => !WebhookEvents.IsKnown(e)) is { } unknown)
        {
            throw new DomainException($"\"{unknown}\" is not an event; choose from {string.Join(", ", WebhookEvents.All)}.", "events");
        }

        if (Url != url)
        {
            ConsecutiveFailures = 0;
            FirstFailureAt = null;
        }

        Url = url;
        Events = [.. WebhookEvents.All.Where(list.Contains)];
    }

    public void RollSecret(string secretProtected) => SecretProtected = secretProtected;

    public bool Subscribes(string eventType) => Events.Contains(eventType, StringComparer.Ordinal);

    /// <summary>Switched on by the owner: a fresh start, failures forgotten.</summary>
    public void Enable()
    {
        Enabled = true;
        DisabledAt = null;
        DisabledReason = null;
        ConsecutiveFailures = 0;
        FirstFailureAt = null;
    }

    public void Disable(string reason, DateTimeOffset at)
    {
        Enabled = false;
        DisabledAt = at;
        DisabledReason = reason.Length <= MaxDisabledReason ? reason : reason[..MaxDisabledReason];
    }

    /// <summary>
    /// Whether an endpoint that has now failed <paramref name="failures"/> times in a row, the first at
    /// <paramref name="firstFailureAt"/>, should be switched off: only when both the count and the time span are
    /// reached, so neither a short outage nor a slow trickle of events switches off an endpoint that works.
    /// </summary>
    public static bool ShouldSwitchOff(int failures, DateTimeOffset firstFailureAt, DateTimeOffset now, int threshold, TimeSpan span) =>
        failures >= threshold && now - firstFailureAt >= span;
}

/// <summary>Where a delivery is in its life.</summary>
public enum WebhookDeliveryStatus
{
    PENDING,
    DELIVERED,
    FAILED,
    CANCELLED,
}

/// <summary>One event for one endpoint: the exact body that is signed and every attempt's result.</summary>
public sealed class WebhookDelivery
{
    public const int MaxError = 300;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; init; }
    public Guid EndpointId { get; init; }
    public string EventId { get; init; } = "";
    public string EventType { get; init; } = "";
    /// <summary>The JSON body exactly as sent, so every retry carries the same bytes (and the same signature input).</summary>
    public string Payload { get; init; } = "";
    public WebhookDeliveryStatus Status { get; private set; } = WebhookDeliveryStatus.PENDING;
    public int Attempts { get; private set; }
    public int? LastStatusCode { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }

    public void Delivered(int statusCode, DateTimeOffset at)
    {
        Attempts++;
        Status = WebhookDeliveryStatus.DELIVERED;
        LastStatusCode = statusCode;
        LastError = null;
        SentAt = at;
        LastAttemptAt = at;
    }

    /// <summary>A failed attempt; <paramref name="final"/> means no retry follows.</summary>
    public void Failed(int? statusCode, string error, bool final, DateTimeOffset at)
    {
        Attempts++;
        LastStatusCode = statusCode;
        LastError = error.Length <= MaxError ? error : error[..MaxError];
        LastAttemptAt = at;
        if (final)
        {
            Status = WebhookDeliveryStatus.FAILED;
        }
    }

    public void Cancel(string reason)
    {
        Status = WebhookDeliveryStatus.CANCELLED;
        LastError = reason.Length <= MaxError ? reason : reason[..MaxError];
    }
}
