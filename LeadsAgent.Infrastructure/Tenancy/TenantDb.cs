using LeadsAgent.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsAgent.Infrastructure.Tenancy;

/// <summary>The two explicit ways a scope's DbContext widens from "no rows": one named business, or all of them.</summary>
public static class TenantDb
{
    /// <summary>The scope's DbContext limited to one business the work itself named (a webhook's number, a session's business).</summary>
    public static LeadsDbContext DbForBusiness(this IServiceProvider scope, Guid businessId)
    {
        scope.GetRequiredService<TenantScope>().ForBusiness(businessId);
        return scope.GetRequiredService<LeadsDbContext>();
    }

    /// <summary>The scope's DbContext over every business, for system work and platform pages (audited with its purpose).</summary>
    public static LeadsDbContext DbAcrossBusinesses(this IServiceProvider scope, string purpose)
    {
        scope.GetRequiredService<TenantScope>().AcrossBusinesses(purpose);
        return scope.GetRequiredService<LeadsDbContext>();
    }
}
