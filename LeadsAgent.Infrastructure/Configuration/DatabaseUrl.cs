using Npgsql;

namespace LeadsAgent.Infrastructure.Configuration;

/// <summary>Turns DATABASE_URL (postgresql://user:pass@host:port/db?schema=public) into an Npgsql connection string.</summary>
public static class DatabaseUrl
{
    public static string ToConnectionString(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new FormatException("it is empty");
        }

        if (!value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) &&
            !value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            // Already an Npgsql connection string ("Host=...;Database=...").
            try
            {
                return new NpgsqlConnectionStringBuilder(value).ConnectionString;
            }
            catch (ArgumentException ex)
            {
                throw new FormatException("it is neither a postgresql:// URL nor a connection string: " + ex.Message);
            }
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException("it is not a valid postgresql://user:password@host:port/database URL");
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (database.Length == 0)
        {
            throw new FormatException("the URL names no database (postgresql://user:password@host:port/DATABASE)");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = database,
            // Nothing we run leaves session state behind (the schema comes from the connection's search_path and the
            // migration lock is released explicitly), so a connection going back to the pool needs no DISCARD ALL:
            // measured, that was one extra statement for every pooled open, about one per webhook under load.
            NoResetOnClose = true,
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length > 1)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        foreach (var (key, val) in ParseQuery(uri.Query))
        {
            switch (key.ToLowerInvariant())
            {
                case "schema":
                    builder.SearchPath = val;
                    break;
                case "sslmode":
                    builder.SslMode = Enum.Parse<SslMode>(val, ignoreCase: true);
                    break;
                case "connection_limit":
                case "pool_max":
                    builder.MaxPoolSize = int.Parse(val, System.Globalization.CultureInfo.InvariantCulture);
                    break;
                default:
                    // Other Prisma-style parameters (pgbouncer, connect_timeout, ...) have no Npgsql meaning we rely on.
                    break;
            }
        }

        return builder.ConnectionString;
    }

    static IEnumerable<(string Key, string Value)> ParseQuery(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Uri.UnescapeDataString(p[0]), p.Length > 1 ? Uri.UnescapeDataString(p[1]) : ""));
}
