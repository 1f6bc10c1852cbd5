using LeadsAgent.Domain.Common;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Identity;
using LeadsAgent.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LeadsAgent.Infrastructure;

/// <summary>What runs before the app serves: migrations, then the platform admin from ADMIN_EMAIL/ADMIN_PASSWORD.</summary>
public sealed class StartupTasks(
    IOptions<DatabaseOptions> database,
    IOptions<AdminOptions> admin,
    UserManager<AppUser> users,
    ILoggerFactory loggers,
    TimeProvider clock)
{
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        var applied = await DatabaseMigrator.MigrateAsync(database.Value.ConnectionString, loggers.CreateLogger(typeof(DatabaseMigrator).FullName!), ct);
        loggers.CreateLogger<StartupTasks>().LogInformation("Database schema is up to date ({Applied} migrations applied now)", applied.Count);
    }

    public async Task EnsurePlatformAdminAsync()
    {
        var o = admin.Value;
        if (string.IsNullOrWhiteSpace(o.Email) || string.IsNullOrWhiteSpace(o.Password))
        {
            return;
        }

        var logger = loggers.CreateLogger<StartupTasks>();
        var existing = await users.FindByEmailAsync(o.Email);
        if (existing is not null)
        {
            if (!await users.IsInRoleAsync(existing, Roles.PlatformAdmin))
            {
                logger.LogWarning("ADMIN_EMAIL names an existing user who is not a platform admin; leaving it unchanged");
            }

            return;
        }

        var user = new AppUser { Id = Guid.CreateVersion7(), UserName = o.Email, Email = o.Email, EmailConfirmed = true, CreatedAt = clock.GetUtcNow() };
        try
        {
            CreateBusiness.ThrowIfFailed(await users.CreateAsync(user, o.Password), "ADMIN_PASSWORD", "ADMIN_EMAIL");
            CreateBusiness.ThrowIfFailed(await users.AddToRoleAsync(user, Roles.PlatformAdmin), "ADMIN_PASSWORD", "ADMIN_EMAIL");
            logger.LogInformation("Created the platform admin {Email}", Pii.MaskEmail(o.Email));
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another instance created it at the same moment.
        }
        catch (ConflictException)
        {
            // Same race, reported by Identity's own duplicate check.
        }
    }
}
