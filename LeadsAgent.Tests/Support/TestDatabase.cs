using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace LeadsAgent.Tests.Support;

/// <summary>A database of its own for one test class, on the real PostgreSQL server, dropped afterwards.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public string Name { get; } = "la_test_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>DATABASE_URL for this database, in the design documents' postgresql:// form.</summary>
    public string Url { get; }

    public string ConnectionString => DatabaseUrl.ToConnectionString(Url);

    readonly string _adminConnectionString;

    TestDatabase(string serverUrl)
    {
        var builder = new UriBuilder(serverUrl) { Path = "/" + Name };
        Url = builder.Uri.ToString();
        _adminConnectionString = new NpgsqlConnectionStringBuilder(DatabaseUrl.ToConnectionString(serverUrl)) { Database = "postgres", Pooling = false }.ConnectionString;
    }

    // One migrated database per test run, copied by CREATE DATABASE ... TEMPLATE for each test class: EF's
    // MigrateAsync per database took about twice what the old SQL runner did, a copy about as long. FILE_COPY,
    // because the default WAL_LOG strategy copied this small database more slowly than migrating it.
    static readonly SemaphoreSlim s_templateGate = new(1, 1);
    static TestDatabase? s_template;

    /// <summary>A new database on the shared test server, or on another server (a test's own, to restart it).</summary>
    public static async Task<TestDatabase> CreateAsync(bool migrate = true, string? serverUrl = null)
    {
        var db = new TestDatabase(serverUrl ?? TestEnvironment.DatabaseUrl);
        var template = migrate && serverUrl is null ? await TemplateAsync() : null;
        await db.CreateAsync(template?.Name);
        if (migrate && template is null)
        {
            await DatabaseMigrator.MigrateAsync(db.ConnectionString, NullLogger.Instance);
        }

        return db;
    }

    static async Task<TestDatabase> TemplateAsync()
    {
        await s_templateGate.WaitAsync();
        try
        {
            if (s_template is null)
            {
                var template = new TestDatabase(TestEnvironment.DatabaseUrl);
                await template.CreateAsync(null);
                // Unpooled, so no idle connection stays on it: PostgreSQL copies only a database nobody is connected to.
                var unpooled = new NpgsqlConnectionStringBuilder(template.ConnectionString) { Pooling = false }.ConnectionString;
                await DatabaseMigrator.MigrateAsync(unpooled, NullLogger.Instance);
                // Dropped when the test process ends; a run killed before that leaves one la_test_ database behind.
                AppDomain.CurrentDomain.ProcessExit += (_, _) => template.DisposeAsync().AsTask().GetAwaiter().GetResult();
                s_template = template;
            }

            return s_template;
        }
        finally
        {
            s_templateGate.Release();
        }
    }

    async Task CreateAsync(string? template)
    {
        await using var admin = new NpgsqlConnection(_adminConnectionString);
        await admin.OpenAsync();
        var sql = template is null ? $"CREATE DATABASE \"{Name}\"" : $"CREATE DATABASE \"{Name}\" TEMPLATE \"{template}\" STRATEGY = FILE_COPY";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var create = new NpgsqlCommand(sql, admin);
                await create.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                // Two copies of the template started at the same instant: each briefly holds it.
                await Task.Delay(50 * attempt);
            }
        }
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync() is { } value and not DBNull ? (T)value : default!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_adminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
