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

    TestDatabase()
    {
        var builder = new UriBuilder(TestEnvironment.DatabaseUrl) { Path = "/" + Name };
        Url = builder.Uri.ToString();
    }

    public static async Task<TestDatabase> CreateAsync(bool migrate = true)
    {
        var db = new TestDatabase();
        await using (var admin = new NpgsqlConnection(TestEnvironment.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{db.Name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        if (migrate)
        {
            await new MigrationRunner(db.ConnectionString, NullLogger<MigrationRunner>.Instance).ApplyAsync();
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
        await using var admin = new NpgsqlConnection(TestEnvironment.AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
