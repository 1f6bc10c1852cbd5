using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Logging.Abstractions;

namespace LeadsAgent.Infrastructure.Persistence;

/// <summary>
/// How dotnet-ef builds the context (migrations add, migrations script) without starting the web host, which
/// would validate every option and want Redis. `migrations add` never connects, so a placeholder address serves
/// when DATABASE_URL is unset; `database update` uses DATABASE_URL.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<LeadsDbContext>
{
    const string Placeholder = "postgresql://leadsagent:leadsagent@127.0.0.1:5432/leadsagent";

    public LeadsDbContext CreateDbContext(string[] args)
    {
        var url = Environment.GetEnvironmentVariable("DATABASE_URL");
        var options = new DbContextOptionsBuilder<LeadsDbContext>()
            .UseNpgsql(DatabaseUrl.ToConnectionString(string.IsNullOrWhiteSpace(url) ? Placeholder : url), n => n.UseVector())
            .Options;
        // The model does not depend on the tenant; a scope that sees nothing is the safe one to hand a tool.
        return new LeadsDbContext(options, new TenantScope(NullLogger<TenantScope>.Instance));
    }
}
