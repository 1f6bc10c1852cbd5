using LeadsAgent.Infrastructure.Health;

namespace LeadsAgent.Web.Endpoints;

/// <summary>/health (the design documents' document), /health/live and /health/ready for orchestrators.</summary>
public static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (HealthReporter reporter, CancellationToken ct) =>
        {
            var report = await reporter.ReportAsync(ct);
            return TypedResults.Json(report, statusCode: report.Status == ComponentHealth.Unhealthy ? 503 : 200);
        }).AllowAnonymous();

        app.MapGet("/health/live", () => TypedResults.Ok(new { status = "alive" })).AllowAnonymous();

        app.MapGet("/health/ready", async (HealthReporter reporter, CancellationToken ct) =>
            await reporter.IsReadyAsync(ct)
                ? Results.Ok(new { status = "ready" })
                : Results.Json(new { status = "not ready" }, statusCode: 503)).AllowAnonymous();
    }
}
