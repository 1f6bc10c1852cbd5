using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace LeadsAgent.Infrastructure.Persistence;

/// <summary>
/// Checks that every table and column EF maps exists in the migrated database with the same type and
/// nullability. Migrations are hand-written SQL (architecture D2), so this is what keeps the two in step.
/// </summary>
public static class SchemaVerifier
{
    public static async Task<IReadOnlyList<string>> FindMismatchesAsync(LeadsDbContext db, CancellationToken ct = default)
    {
        var actual = new Dictionary<(string Table, string Column), (string Type, bool Nullable)>();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            await using var command = new NpgsqlCommand("""
                SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull
                FROM pg_attribute a
                JOIN pg_class c ON c.oid = a.attrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind = 'r' AND n.nspname = current_schema() AND a.attnum > 0 AND NOT a.attisdropped
                """, connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                actual[(reader.GetString(0), reader.GetString(1))] = (reader.GetString(2), reader.GetBoolean(3));
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }

        var problems = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is null)
            {
                continue;
            }

            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            if (!actual.Keys.Any(k => k.Table == table))
            {
                problems.Add($"table {table} is mapped by {entity.ClrType.Name} but does not exist");
                continue;
            }

            foreach (var property in entity.GetProperties())
            {
                var column = property.GetColumnName(store);
                if (column is null)
                {
                    continue;
                }

                if (!actual.TryGetValue((table, column), out var found))
                {
                    problems.Add($"column {table}.{column} is mapped by {entity.ClrType.Name}.{property.Name} but does not exist");
                    continue;
                }

                var expectedType = Normalize(property.GetColumnType(store));
                if (expectedType != Normalize(found.Type))
                {
                    problems.Add($"column {table}.{column} is {found.Type} in the database but {property.GetColumnType(store)} in the model");
                }

                if (property.IsColumnNullable(store) != found.Nullable)
                {
                    problems.Add($"column {table}.{column} is {(found.Nullable ? "nullable" : "NOT NULL")} in the database but {(property.IsColumnNullable(store) ? "nullable" : "required")} in the model");
                }
            }
        }

        return problems;
    }

    static string Normalize(string type) => type.ToLowerInvariant() switch
    {
        "timestamptz" => "timestamp with time zone",
        "varchar" => "character varying",
        "int" or "int4" => "integer",
        "bool" => "boolean",
        "float4[]" => "real[]",
        var t when t.StartsWith("varchar(", StringComparison.Ordinal) => "character varying" + t[7..],
        var t => t,
    };
}
