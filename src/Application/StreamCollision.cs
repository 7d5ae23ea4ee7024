using Marten.Exceptions;
using Npgsql;

namespace MonBureau.Application;

/// <summary>
/// Two transactions that both start the same stream: with quick appends PostgreSQL refuses the second on the
/// streams' primary key rather than Marten detecting it, so the failure comes as a command failure around a
/// unique violation. Nothing of the losing transaction was written; what it tried may be tried again.
/// </summary>
public static class StreamCollision
{
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is ExistingStreamIdCollisionException)
                return true;
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: var constraint })
                return constraint?.EndsWith("mt_streams_id", StringComparison.Ordinal) == true;
        }

        return false;
    }
}
