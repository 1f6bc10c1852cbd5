using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Chat;

/// <summary>
/// The origins that may call the chat API. A CORS preflight carries no business id, so it admits any origin some
/// business allows (refreshed every 30 s); the chat handler then checks the origin against that business's own list.
/// The app's own origin is always allowed.
/// </summary>
public sealed class WidgetOrigins(IServiceScopeFactory scopes, TimeProvider clock)
{
    static readonly TimeSpan s_refresh = TimeSpan.FromSeconds(30);
    volatile HashSet<string> _all = [];
    DateTimeOffset _loadedAt = DateTimeOffset.MinValue;
    readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<bool> IsRegisteredAsync(string origin)
    {
        if (clock.GetUtcNow() - _loadedAt > s_refresh)
        {
            await _gate.WaitAsync();
            try
            {
                if (clock.GetUtcNow() - _loadedAt > s_refresh)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.DbAcrossBusinesses("allowed widget origins for CORS");
                    var lists = await db.AgentConfigs.AsNoTracking().Select(c => c.AllowedWidgetOrigins).ToListAsync();
                    _all = [.. lists.SelectMany(l => l).Select(o => o.ToLowerInvariant())];
                    _loadedAt = clock.GetUtcNow();
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        return _all.Contains(origin.ToLowerInvariant());
    }

    /// <summary>An owner changed their origins: reload on the next preflight.</summary>
    public void Invalidate() => _loadedAt = DateTimeOffset.MinValue;

    /// <summary>Whether this business lets a page on this origin use its widget.</summary>
    public static bool Allows(HttpRequest request, IReadOnlyCollection<string> businessOrigins)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            // Not a browser cross-origin call (a server, or the same origin): CORS does not apply.
            return true;
        }

        var own = $"{request.Scheme}://{request.Host}";
        return origin.Equals(own, StringComparison.OrdinalIgnoreCase) || businessOrigins.Any(o => o.Equals(origin, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>Builds the widget's CORS policy per request from the origins businesses allow; other policies as configured.</summary>
public sealed class WidgetCorsPolicyProvider(WidgetOrigins origins, Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions> options)
    : Microsoft.AspNetCore.Cors.Infrastructure.ICorsPolicyProvider
{
    public async Task<Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        if (policyName != ChatEndpoints.CorsPolicy)
        {
            return options.Value.GetPolicy(policyName ?? options.Value.DefaultPolicyName);
        }

        var own = $"{context.Request.Scheme}://{context.Request.Host}";
        var requested = context.Request.Headers.Origin.ToString();
        var allowed = requested.Length > 0 && (requested.Equals(own, StringComparison.OrdinalIgnoreCase) || await origins.IsRegisteredAsync(requested));
        return new Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicyBuilder()
            .SetIsOriginAllowed(origin => allowed && origin.Equals(requested, StringComparison.OrdinalIgnoreCase))
            .WithMethods("GET", "POST")
            .WithHeaders("Content-Type")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))
            .Build();
    }
}
