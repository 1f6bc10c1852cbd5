using System.Net.Sockets;
using Npgsql;

namespace LeadsAgent.Infrastructure.Persistence;

/// <summary>
/// Tells a database that is away (down, restarting, unreachable, out of connections) from a request that is wrong:
/// the first is waited out (answer callers anyway, keep what was accepted, write it later), the second is a bug or a
/// 4xx.
/// </summary>
public static class DatabaseOutage
{
    public static bool Is(Exception? exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case PostgresException pg:
                    // 57P01-03: the server is shutting down or starting; 08: connection failures; 53300: too many connections.
                    return pg.SqlState.StartsWith("57P", StringComparison.Ordinal) || pg.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || pg.SqlState == PostgresErrorCodes.TooManyConnections;
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case TimeoutException:
                case EndOfStreamException:
                    return true;
            }
        }

        return false;
    }
}
