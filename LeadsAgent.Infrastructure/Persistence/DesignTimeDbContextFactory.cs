using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Logging.Abstractions;

namespace LeadsAgent.Infrastructure.Persistence;

/// <summary>
/// How dotnet-ef builds the context (migrations add, migrations script) without starting the web host, which
/// would validate every option and want Redis. It connects to DATABASE_URL, or without it to the private PostgreSQL
/// that `scripts/services` runs for this checkout, so `database update` and `migrations list` work as they are.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<LeadsDbContext>
{
    /// <summary>The development database `scripts/services env` names (its port moves with LEADSAGENT_PG_PORT).</summary>
    static string LocalServicesUrl =>
        $"postgresql://leadsagent:leadsagent@127.0.0.1:{Environment.GetEnvironmentVariable("LEADSAGENT_PG_PORT") ?? "55432"}/leadsagent";

    public LeadsDbContext CreateDbContext(string[] args)
    {
        var url = Environment.GetEnvironmentVariable("DATABASE_URL");
        var options = new DbContextOptionsBuilder<LeadsDbContext>()
            .UseNpgsql(DatabaseUrl.ToConnectionString(string.IsNullOrWhiteSpace(url) ? LocalServicesUrl : url), n => n.UseVector())
            .Options;
        // The model does not depend on the tenant; a scope that sees nothing is the safe one to hand a tool.
        return new LeadsDbContext(options, new TenantScope(NullLogger<TenantScope>.Instance));
    }
}
