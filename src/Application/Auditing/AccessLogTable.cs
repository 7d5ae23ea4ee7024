using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace MonBureau.Application.Auditing;

/// <summary>
/// The access history: append-only, written with binary COPY, range-partitioned by month of access so retention can
/// drop whole months (ADR 0012). Not a Marten event stream: millions of rows a day, and no aggregate to rebuild.
/// </summary>
public static class AccessLogTable
{
    public const string Name = "mb_access_log";

    /// <summary>One batch of records into the table by binary COPY, inside the caller's transaction.</summary>
    public static async Task CopyAsync(NpgsqlConnection connection, string schema, long batchId, IEnumerable<AccessRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(records);
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY {schema}.{Name} (batch_id, accessed_at, actor_id, actor_role, establishment_id, subject_id, category, operation, correlation_id) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var record in records)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(batchId, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(record.AccessedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(record.ActorId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(record.Role.ToString(), NpgsqlDbType.Text, cancellationToken);
            if (record.EstablishmentId is { } establishment)
                await copy.WriteAsync(establishment, NpgsqlDbType.Uuid, cancellationToken);
            else
                await copy.WriteNullAsync(cancellationToken);
            await copy.WriteAsync(record.SubjectId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(record.Category.ToString(), NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(record.Operation, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(record.CorrelationId, NpgsqlDbType.Text, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    public static async Task EnsureAsync(NpgsqlDataSource dataSource, string schema, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var table = $"{schema}.{Name}";
        var sql = new List<string>
        {
            $"CREATE SCHEMA IF NOT EXISTS {schema}",
            $"""
             CREATE TABLE IF NOT EXISTS {table} (
               seq bigserial NOT NULL,
               batch_id bigint NOT NULL,
               accessed_at timestamptz NOT NULL,
               actor_id uuid NOT NULL,
               actor_role text NOT NULL,
               establishment_id uuid,
               subject_id uuid NOT NULL,
               category text NOT NULL,
               operation text NOT NULL,
               correlation_id text NOT NULL
             ) PARTITION BY RANGE (accessed_at)
             """,
            $"CREATE TABLE IF NOT EXISTS {table}_default PARTITION OF {table} DEFAULT",
            $"CREATE TABLE IF NOT EXISTS {table}_chain (batch_id bigint PRIMARY KEY, row_count int NOT NULL, previous_hash bytea NOT NULL, batch_hash bytea NOT NULL, written_at timestamptz NOT NULL)",
            // A purge leaves the last batch it removed as the chain's anchor (AccessHistoryPurge).
            $"ALTER TABLE {table}_chain ADD COLUMN IF NOT EXISTS purged_at timestamptz",
            $"CREATE SEQUENCE IF NOT EXISTS {table}_batch_seq",
            $"CREATE INDEX IF NOT EXISTS {Name}_batch ON {table} (batch_id)",
            $"CREATE INDEX IF NOT EXISTS {Name}_subject ON {table} (subject_id, seq)",
            $"CREATE INDEX IF NOT EXISTS {Name}_actor ON {table} (actor_id, seq)",
        };
        var month = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var offset = -1; offset <= 2; offset++)
        {
            var from = month.AddMonths(offset);
            var name = string.Create(CultureInfo.InvariantCulture, $"{table}_y{from:yyyy}m{from:MM}");
            sql.Add(string.Create(CultureInfo.InvariantCulture,
                $"CREATE TABLE IF NOT EXISTS {name} PARTITION OF {table} FOR VALUES FROM ('{from:yyyy-MM-dd}') TO ('{from.AddMonths(1):yyyy-MM-dd}')"));
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var statement in sql)
        {
            await using var command = new NpgsqlCommand(statement, connection);
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidObjectDefinition)
            {
                // A month already held by the default partition (rows written before its partition existed) stays there.
            }
        }
    }
}
