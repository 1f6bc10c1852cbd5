using System.ClientModel;

namespace LeadsAgent.Infrastructure.Ai;

/// <summary>
/// When a model call gives way to the deterministic answer: the one list of failures the agent's turns and the owner's
/// summaries both fall back on (our timeout, an HTTP error from the model, a broken connection), worded for the log.
/// </summary>
public static class ModelFallback
{
    /// <summary>Why the call failed, for the log; null for a failure the fallback does not cover (the caller's own cancellation, a bug).</summary>
    public static string? Reason(Exception ex, TimeSpan timeout, CancellationToken ct) => ex switch
    {
        OperationCanceledException when !ct.IsCancellationRequested => $"timeout after {timeout.TotalMilliseconds:0} ms",
        ClientResultException http => $"HTTP {http.Status}",
        AggregateException or HttpRequestException or IOException => ex.GetType().Name,
        _ => null,
    };
}
