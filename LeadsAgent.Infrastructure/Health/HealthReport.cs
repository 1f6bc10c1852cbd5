using System.Text.Json.Serialization;

namespace LeadsAgent.Infrastructure.Health;

/// <summary>The /health document in the design documents' shape.</summary>
public sealed record HealthReport(
    string Status,
    DateTimeOffset Timestamp,
    IReadOnlyDictionary<string, ComponentHealth> Components,
    IReadOnlyDictionary<string, long> Metrics);

public sealed record ComponentHealth(
    string Status,
    [property: JsonPropertyName("latency")] double? LatencyMs = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail = null)
{
    public const string Healthy = "healthy";
    public const string Unhealthy = "unhealthy";
    public const string NotConfigured = "not configured";
}
