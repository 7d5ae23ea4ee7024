using System.Net.Sockets;
using Npgsql;

namespace MonBureau.Host.GraphQL;

/// <summary>
/// Failures that mean PostgreSQL is briefly out of reach (restarting, failing over, refusing connections): the
/// request did nothing and may be retried, so the client gets 503 UNAVAILABLE with Retry-After, never a 500.
/// </summary>
internal static class DatabaseOutage
{
    /// <summary>Seconds a client should wait before retrying: about what a PostgreSQL restart takes.</summary>
    public const int RetryAfterSeconds = 5;

    // 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now; class 08 is "connection exception".
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres)
                return postgres.IsTransient || postgres.SqlState is "57P01" or "57P02" or "57P03" || postgres.SqlState.StartsWith("08", StringComparison.Ordinal);
            if (e is NpgsqlException { IsTransient: true } or SocketException)
                return true;
        }

        return false;
    }
}
