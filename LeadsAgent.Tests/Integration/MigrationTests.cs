using System.Diagnostics;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace LeadsAgent.Tests.Integration;

public class MigrationTests
{
    [Fact]
    public async Task Applying_the_migrations_twice_is_a_no_op()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        var runner = new MigrationRunner(db.ConnectionString, NullLogger<MigrationRunner>.Instance);

        var first = await runner.ApplyAsync(TestContext.Current.CancellationToken);
        var second = await runner.ApplyAsync(TestContext.Current.CancellationToken);

        Assert.Equal(MigrationRunner.EmbeddedMigrations().Select(m => m.Version), first);
        Assert.Empty(second);
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM roles"));
    }

    [Fact]
    public async Task Two_app_processes_migrating_at_once_apply_each_file_exactly_once()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        var webDll = Path.Combine(AppContext.BaseDirectory, "LeadsAgent.Web.dll");

        var processes = Enumerable.Range(0, 2).Select(_ => StartMigrate(webDll, db.Url)).ToList();
        var results = await Task.WhenAll(processes.Select(async p =>
        {
            var output = await p.StandardOutput.ReadToEndAsync() + await p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync(TestContext.Current.CancellationToken);
            return (p.ExitCode, output);
        }));

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.output));
        Assert.Equal((long)MigrationRunner.EmbeddedMigrations().Count, await db.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM roles"));
        // Exactly one of the two did the work; the other waited on the lock and found nothing to do.
        Assert.Equal(1, results.Count(r => r.output.Contains("Applied migration 0001_initial_schema", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_migration_edited_after_it_was_applied_is_refused()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("UPDATE schema_migrations SET checksum = 'edited' WHERE version = '0001_initial_schema'");
        var runner = new MigrationRunner(db.ConnectionString, NullLogger<MigrationRunner>.Instance);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => runner.ApplyAsync(TestContext.Current.CancellationToken));
        Assert.Contains("0001_initial_schema", ex.Message, StringComparison.Ordinal);
    }

    static Process StartMigrate(string webDll, string databaseUrl)
    {
        var start = new ProcessStartInfo("dotnet", [webDll, "--migrate"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["DATABASE_URL"] = databaseUrl;
        start.Environment["REDIS_URL"] = TestEnvironment.RedisUrl;
        return Process.Start(start)!;
    }
}
