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

    /// <summary>A new database on the shared test server, or on another server (a test's own, to restart it).</summary>
    public static async Task<TestDatabase> CreateAsync(bool migrate = true, string? serverUrl = null)
    {
        var db = new TestDatabase(serverUrl ?? TestEnvironment.DatabaseUrl);
        await using (var admin = new NpgsqlConnection(db._adminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{db.Name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        if (migrate)
        {
            await DatabaseMigrator.MigrateAsync(db.ConnectionString, NullLogger.Instance);
        }

        return db;
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
