using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using LeadsAgent.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace LeadsAgent.Tests.Integration;

public class MigrationTests
{
    static LeadsDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<LeadsDbContext>().UseNpgsql(connectionString, n => n.UseVector()).Options, new TenantScope(NullLogger<TenantScope>.Instance));

    [Fact]
    public void The_model_has_no_change_that_a_migration_does_not_make()
    {
        // No connection is made: the model is compared with the snapshot of the last migration.
        using var context = new DesignTimeDbContextFactory().CreateDbContext([]);

        Assert.False(context.Database.HasPendingModelChanges(),
            "The model changed without a migration: dotnet tool run dotnet-ef migrations add <Name> --project LeadsAgent.Infrastructure");
    }

    [Fact]
    public async Task Migrating_twice_is_a_no_op()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);

        var first = await DatabaseMigrator.MigrateAsync(db.ConnectionString, NullLogger.Instance, TestContext.Current.CancellationToken);
        var second = await DatabaseMigrator.MigrateAsync(db.ConnectionString, NullLogger.Instance, TestContext.Current.CancellationToken);

        await using var context = Context(db.ConnectionString);
        Assert.Equal(context.Database.GetMigrations(), first);
        Assert.Empty(second);
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM roles"));
    }

    [Fact]
    public async Task Two_app_processes_migrating_at_once_apply_each_migration_exactly_once()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => RunMigrateAsync(db.Url)));

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Output));
        await using var context = Context(db.ConnectionString);
        var baseline = context.Database.GetMigrations().First();
        Assert.Equal((long)context.Database.GetMigrations().Count(), await db.ScalarAsync<long>("SELECT count(*) FROM \"__EFMigrationsHistory\""));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM roles"));
        // Exactly one of the two did the work; the other waited on the lock and found nothing to do.
        Assert.Equal(1, results.Count(r => r.Output.Contains("Applied migration " + baseline, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_database_made_by_the_old_SQL_migrations_is_adopted_and_keeps_its_rows()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        await ApplyLegacySqlAsync(db, LegacyFiles());
        var business = Guid.NewGuid();
        await db.ExecuteAsync($"INSERT INTO businesses (id, name) VALUES ('{business}', 'Old Plumbing')");
        // Passages embedded in the real[] days: a 512-dimension vector is kept, any other size is left for re-embedding.
        var document = Guid.NewGuid();
        var vector = "{" + string.Join(",", Enumerable.Range(0, 512).Select(i => i == 7 ? "1" : "0")) + "}";
        const string small = "{1,2,3}";
        await db.ExecuteAsync($"""
            INSERT INTO knowledge_documents (id, business_id, title, content) VALUES ('{document}', '{business}', 'Hours', 'Open 7-6');
            INSERT INTO knowledge_chunks (id, document_id, business_id, ordinal, heading_path, content, embedding, embedding_model) VALUES
                ('{Guid.NewGuid()}', '{document}', '{business}', 0, 'Hours', 'Open 7-6', '{vector}', 'hashing-v1-512'),
                ('{Guid.NewGuid()}', '{document}', '{business}', 1, 'Hours', 'Closed Sundays', '{small}', 'old-3');
            """);

        var result = await RunMigrateAsync(db.Url);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("Old Plumbing", await db.ScalarAsync<string>($"SELECT name FROM businesses WHERE id = '{business}'"));
        await using var context = Context(db.ConnectionString);
        var history = await db.ScalarAsync<string>("SELECT string_agg(\"MigrationId\" || ' ' || \"ProductVersion\", ',') FROM \"__EFMigrationsHistory\"");
        Assert.Equal(string.Join(",", context.Database.GetMigrations().Select(m => m + " " + ProductInfo.GetVersion())), history);
        Assert.Equal("512 hashing-v1-512,- -", await db.ScalarAsync<string>(
            "SELECT string_agg(COALESCE(vector_dims(embedding)::text, '-') || ' ' || COALESCE(embedding_model, '-'), ',' ORDER BY ordinal) FROM knowledge_chunks"));
        Assert.Empty(await context.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        // Adopted, not re-created: the baseline's seed did not run a second time.
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM roles"));
    }

    [Fact]
    public async Task The_old_SQL_migrations_and_the_baseline_make_the_same_schema()
    {
        await using var legacy = await TestDatabase.CreateAsync(migrate: false);
        await ApplyLegacySqlAsync(legacy, LegacyFiles());
        // Compared with the baseline alone: later migrations change the schema on purpose.
        await using var migrated = await TestDatabase.CreateAsync(migrate: false);
        await using (var context = Context(migrated.ConnectionString))
        {
            await context.GetService<IMigrator>().MigrateAsync(context.Database.GetMigrations().First(), TestContext.Current.CancellationToken);
        }

        // Columns with types, defaults and nullability, constraints and indexes as PostgreSQL prints them; the
        // order of columns differs (EF creates columns added later in the table's place) and does not matter.
        const string catalog = """
            SELECT string_agg(line, E'\n' ORDER BY line) FROM (
                SELECT format('column %s.%s %s %s default %s', c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
                              CASE WHEN a.attnotnull THEN 'not null' ELSE 'null' END, pg_get_expr(d.adbin, d.adrelid)) AS line
                FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
                UNION ALL
                SELECT format('constraint %s %s %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
                FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public'
                UNION ALL
                SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
            ) AS schema
            WHERE line NOT LIKE '%schema_migrations%' AND line NOT LIKE '%EFMigrationsHistory%'
            """;

        Assert.Equal(await legacy.ScalarAsync<string>(catalog), await migrated.ScalarAsync<string>(catalog));
    }

    [Fact]
    public async Task An_old_database_missing_one_of_the_SQL_migrations_is_refused()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        await ApplyLegacySqlAsync(db, LegacyFiles().Take(2));

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(
            () => DatabaseMigrator.MigrateAsync(db.ConnectionString, NullLogger.Instance, TestContext.Current.CancellationToken));

        Assert.Contains("0003_conversation_lead_index", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = '__EFMigrationsHistory'"));
    }

    static IEnumerable<string> LegacyFiles() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Integration", "LegacySql"), "*.sql").Order(StringComparer.Ordinal);

    /// <summary>What the SQL runner of earlier releases did: each file in order, recorded in schema_migrations.</summary>
    static async Task ApplyLegacySqlAsync(TestDatabase db, IEnumerable<string> files)
    {
        await db.ExecuteAsync("""
            CREATE TABLE schema_migrations (
                version    text PRIMARY KEY,
                checksum   text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """);
        foreach (var file in files)
        {
            var sql = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));
            await db.ExecuteAsync(sql + $";\nINSERT INTO schema_migrations (version, checksum) VALUES ('{Path.GetFileNameWithoutExtension(file)}', '{checksum}')");
        }
    }

    static async Task<(int ExitCode, string Output)> RunMigrateAsync(string databaseUrl)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "LeadsAgent.Web.dll"), "--migrate"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["DATABASE_URL"] = databaseUrl;
        start.Environment["REDIS_URL"] = TestEnvironment.RedisUrl;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
