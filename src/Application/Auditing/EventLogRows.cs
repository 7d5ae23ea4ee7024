using MonBureau.Domain.Auditing;
using Npgsql;

namespace MonBureau.Application.Auditing;

/// <summary>
/// Reads events in the canonical text form the chain hashes: every column the audit relies on, timestamps in UTC to
/// the microsecond and the payload and headers as PostgreSQL's jsonb text (key order and spacing normalised).
/// <c>is_archived</c> is left out: archiving a stream is not a change of what happened.
/// </summary>
internal static class EventLogRows
{
    private const string Columns =
        "seq_id, seq_id::text AS seq_text, id::text, stream_id::text, version::text, type, " +
        "to_char(timestamp AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), tenant_id, mt_dotnet_type, " +
        "correlation_id, causation_id, user_name, data::text, headers::text";

    public static string Select(string schema, string where) => $"SELECT {Columns} FROM {schema}.mt_events WHERE {where} ORDER BY seq_id";

    public static (long Sequence, string?[] Fields) Read(NpgsqlDataReader reader)
    {
        var fields = new string?[reader.FieldCount - 1];
        for (var i = 1; i < reader.FieldCount; i++)
            fields[i - 1] = reader.IsDBNull(i) ? null : reader.GetString(i);
        return (reader.GetInt64(0), fields);
    }

    /// <summary>What the events of one sequence range hold now.</summary>
    public static async Task<EventBatchContent> ContentAsync(NpgsqlConnection connection, string schema, long first, long last, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Select(schema, "seq_id BETWEEN $1 AND $2"), connection);
        command.Parameters.Add(new NpgsqlParameter { Value = first });
        command.Parameters.Add(new NpgsqlParameter { Value = last });
        var rows = new List<string?[]>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(Read(reader).Fields);
        return new EventBatchContent(rows.Count, EventChain.ContentHash(rows));
    }
}
