using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;
using Npgsql;

namespace MonBureau.Application.Auditing;

public sealed record AccessEntry(long Sequence, AccessRecord Record);

public sealed record AccessQuery(Guid? SubjectId, Guid? ActorId, Guid? EstablishmentId, DataCategory? Category, DateTimeOffset? From, DateTimeOffset? To, long? Before, int First);

public sealed record AccessPage(IReadOnlyList<AccessEntry> Entries, bool HasMore);

/// <summary>Reads the access history, newest first, one keyset page at a time (stable while new reads keep arriving).</summary>
public sealed class AccessHistory(NpgsqlDataSource dataSource, string schema)
{
    public const int MaxPage = 500;

    public async Task<AccessPage> QueryAsync(AccessQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.First is < 1 or > MaxPage)
            throw BusinessRuleException.Invalid($"first must be between 1 and {MaxPage}.");

        await using var command = dataSource.CreateCommand(
            $"""
             SELECT seq, accessed_at, actor_id, actor_role, establishment_id, subject_id, category, operation, correlation_id
             FROM {schema}.{AccessLogTable.Name}
             WHERE ($1::uuid IS NULL OR subject_id = $1) AND ($2::uuid IS NULL OR actor_id = $2) AND ($3::uuid IS NULL OR establishment_id = $3)
               AND ($4::text IS NULL OR category = $4) AND ($5::timestamptz IS NULL OR accessed_at >= $5) AND ($6::timestamptz IS NULL OR accessed_at < $6)
               AND ($7::bigint IS NULL OR seq < $7)
             ORDER BY seq DESC
             LIMIT $8
             """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.SubjectId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.ActorId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.EstablishmentId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Category?.ToString() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.From ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.To ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Before ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = query.First + 1 });

        var entries = new List<AccessEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AccessEntry(reader.GetInt64(0), new AccessRecord(
                reader.GetGuid(2),
                Enum.Parse<Role>(reader.GetString(3)),
                reader.IsDBNull(4) ? null : reader.GetGuid(4),
                reader.GetGuid(5),
                Enum.Parse<DataCategory>(reader.GetString(6)),
                reader.GetString(7),
                reader.GetString(8),
                reader.GetFieldValue<DateTimeOffset>(1))));
        }

        var hasMore = entries.Count > query.First;
        return new AccessPage(hasMore ? entries[..query.First] : entries, hasMore);
    }
}
