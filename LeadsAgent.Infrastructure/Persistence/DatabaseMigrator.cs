using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LeadsAgent.Infrastructure.Persistence;

/// <summary>
/// Brings a database to the latest EF Core migration. A database made by the SQL runner of earlier releases
/// (schema_migrations holding 0001-0004) is recognised and recorded as at the Baseline migration, which creates
/// exactly that schema, so it is migrated onwards and never re-created.
/// </summary>
public static class DatabaseMigrator
{
    // The key the old SQL runner locked: an instance of the previous release starting beside this one during a
    // rolling deploy waits for us (and we for it) instead of both writing the schema.
    const string Lock = "SELECT pg_advisory_lock(7266542001)";
    const string Unlock = "SELECT pg_advisory_unlock(7266542001)";

    /// <summary>What the SQL runner recorded for the schema the Baseline migration reproduces.</summary>
    public static readonly IReadOnlyList<string> LegacyVersions =
        ["0001_initial_schema", "0002_knowledge_base", "0003_conversation_lead_index", "0004_data_protection_keys"];

    /// <summary>Applies what is pending and returns the migration ids it applied (none when up to date).</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(string connectionString, ILogger logger, CancellationToken ct = default)
    {
        var options = new DbContextOptionsBuilder<LeadsDbContext>().UseNpgsql(connectionString, n => n.UseVector()).Options;
        // Migrations read no business rows; a tenant that sees nothing is enough.
        await using var db = new LeadsDbContext(options, new TenantScope(NullLogger<TenantScope>.Instance));

        // EF Core 9+ also locks the history table while it migrates; the advisory lock is still needed to cover
        // the adoption of an old database below, which runs before EF's own lock is taken.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync(Lock, ct);
            try
            {
                await AdoptLegacySchemaAsync(db, logger, ct);
                var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
                await db.Database.MigrateAsync(ct);
                foreach (var id in pending)
                {
                    logger.LogInformation("Applied migration {Migration}", id);
                }

                return pending;
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync(Unlock, CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static async Task AdoptLegacySchemaAsync(LeadsDbContext db, ILogger logger, CancellationToken ct)
    {
        var legacyOnly = await db.Database
            .SqlQueryRaw<bool>("""SELECT to_regclass('schema_migrations') IS NOT NULL AND to_regclass('"__EFMigrationsHistory"') IS NULL AS "Value" """)
            .SingleAsync(ct);
        if (!legacyOnly)
        {
            return;
        }

        var applied = await db.Database
            .SqlQueryRaw<string>("SELECT version AS \"Value\" FROM schema_migrations")
            .ToListAsync(ct);
        var missing = LegacyVersions.Except(applied, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            // Half an old schema matches no migration here; the release that shipped those files finishes it.
            throw new InvalidOperationException(
                $"The database was made by the old SQL migrations but lacks {string.Join(", ", missing)}. "
                + "Run the previous release with --migrate first, then this one.");
        }

        var baseline = db.Database.GetMigrations().First();
        var history = db.GetService<IHistoryRepository>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), ct);
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion())), ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Recorded the schema made by the SQL migrations 0001-0004 as EF Core migration {Migration}", baseline);
    }
}
