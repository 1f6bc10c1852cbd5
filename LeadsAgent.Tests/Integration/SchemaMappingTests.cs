using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using LeadsAgent.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Tests.Integration;

public class SchemaMappingTests
{
    static LeadsDbContext Context(TestDatabase db) =>
        new(new DbContextOptionsBuilder<LeadsDbContext>().UseNpgsql(db.ConnectionString, n => n.UseVector()).Options, new TenantScope(Microsoft.Extensions.Logging.Abstractions.NullLogger<TenantScope>.Instance).AcrossBusinesses("schema mapping test"));

    [Fact]
    public async Task Every_mapped_table_and_column_exists_in_the_migrated_schema()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = Context(db);

        var problems = await SchemaVerifier.FindMismatchesAsync(context, TestContext.Current.CancellationToken);

        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_missing_column_or_a_changed_type_is_reported()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("ALTER TABLE leads DROP COLUMN notes; ALTER TABLE businesses ALTER COLUMN name TYPE text; ALTER TABLE agent_configs ALTER COLUMN voice_greeting_message SET NOT NULL");
        await using var context = Context(db);

        var problems = await SchemaVerifier.FindMismatchesAsync(context, TestContext.Current.CancellationToken);

        Assert.Contains(problems, p => p.Contains("leads.notes", StringComparison.Ordinal) && p.Contains("does not exist", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("businesses.name is text", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("agent_configs.voice_greeting_message is NOT NULL", StringComparison.Ordinal));
        Assert.Equal(3, problems.Count);
    }
}
