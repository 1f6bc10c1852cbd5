using LeadsAgent.Infrastructure.Health;
using LeadsAgent.Infrastructure.Identity;

namespace LeadsAgent.Web.Endpoints;

/// <summary>/health (the design documents' document), /health/live and /health/ready for orchestrators.</summary>
public static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (HealthReporter reporter, HttpContext http, CancellationToken ct) =>
        {
            var report = await reporter.ReportAsync(ct);
            var status = report.Status == ComponentHealth.Unhealthy ? 503 : 200;
            // Anyone (a load balancer, an uptime monitor) may see whether each part works; the numbers (traffic,
            // memory, latencies, probe details) are for the platform admin.
            return http.User.IsInRole(Roles.PlatformAdmin)
                ? TypedResults.Json<object>(report, statusCode: status)
                : TypedResults.Json<object>(new
                {
                    status = report.Status,
                    timestamp = report.Timestamp,
                    components = report.Components.ToDictionary(c => c.Key, c => new { status = c.Value.Status }),
                }, statusCode: status);
        }).AllowAnonymous();

        app.MapGet("/health/live", () => TypedResults.Ok(new { status = "alive" })).AllowAnonymous();

        app.MapGet("/health/ready", async (HealthReporter reporter, CancellationToken ct) =>
            await reporter.IsReadyAsync(ct)
                ? Results.Ok(new { status = "ready" })
                : Results.Json(new { status = "not ready" }, statusCode: 503)).AllowAnonymous();
    }
}
