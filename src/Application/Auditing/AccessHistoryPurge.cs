using System.Globalization;
using System.Text.RegularExpressions;
using Marten;
using MonBureau.Domain.Privacy;
using Npgsql;

namespace MonBureau.Application.Auditing;

/// <summary>What a purge of the access history would remove or removed.</summary>
public sealed record AccessHistoryCut(long ThroughBatch, long Rows);

/// <summary>
/// Removes the access records older than the retention while keeping the hash chain verifiable: the cut is made at a
/// batch boundary (the last batch whose every record is past the cut-off), whole monthly partitions are dropped when
/// they hold nothing newer, and the last removed batch's link stays as the chain's anchor, marked purged and recorded
/// as an <see cref="AccessHistoryPurged"/> event. The advisory lock is the writers' one: no batch is chained meanwhile.
/// </summary>
public sealed partial class AccessHistoryPurge(NpgsqlDataSource dataSource, string schema)
{
    /// <summary>The stream that records the cuts, so the verifier can tell a purge from a deletion.</summary>
    public static readonly Guid StreamId = SystemActorIds.For("access-history-purges");

    private string Table => $"{schema}.{AccessLogTable.Name}";

    public async Task<AccessHistoryCut?> RunAsync(IDocumentSession session, DateTimeOffset cutoff, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(7219001)", cancellationToken);
        var anchor = await AnchorAsync(connection, cancellationToken);
        var through = await LastBatchBeforeAsync(connection, cutoff, cancellationToken);
        if (through is null || through <= anchor?.BatchId)
        {
            await RecordIfMissingAsync(session, anchor, cutoff, 0, cancellationToken);
            return null;
        }

        var rows = await ScalarAsync<long>(connection, $"SELECT coalesce(sum(row_count), 0)::bigint FROM {Table}_chain WHERE batch_id <= {through} AND purged_at IS NULL", cancellationToken);
        if (dryRun)
            return new AccessHistoryCut(through.Value, rows);

        foreach (var partition in await PartitionsEndingByAsync(connection, cutoff, cancellationToken))
        {
            var newer = await ScalarAsync<bool>(connection, $"SELECT EXISTS (SELECT 1 FROM {schema}.{partition} WHERE batch_id > {through})", cancellationToken);
            await ExecuteAsync(connection, newer ? $"DELETE FROM {schema}.{partition} WHERE batch_id <= {through}" : $"DROP TABLE {schema}.{partition}", cancellationToken);
        }

        await ExecuteAsync(connection, $"DELETE FROM {Table} WHERE batch_id <= {through}", cancellationToken);
        await ExecuteAsync(connection, $"UPDATE {Table}_chain SET purged_at = now() WHERE batch_id = {through}", cancellationToken);
        await ExecuteAsync(connection, $"DELETE FROM {Table}_chain WHERE batch_id < {through}", cancellationToken);
        var hash = await ScalarAsync<byte[]>(connection, $"SELECT batch_hash FROM {Table}_chain WHERE batch_id = {through}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // Recorded in the caller's Marten transaction, after the cut: a crash in between leaves an anchor without its
        // event, which the next run records (and the verifier reports until then).
        session.Events.Append(StreamId, new AccessHistoryPurged(through.Value, hash, rows, cutoff));
        return new AccessHistoryCut(through.Value, rows);
    }

    /// <summary>The anchor the chain starts from and the cut recorded last, to compare them.</summary>
    public static async Task<AccessHistoryPurged?> RecordedCutAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var events = await session.Events.FetchStreamAsync(StreamId, token: cancellationToken);
        return events.Select(e => e.Data).OfType<AccessHistoryPurged>().LastOrDefault();
    }

    private async Task RecordIfMissingAsync(IDocumentSession session, (long BatchId, byte[] Hash)? anchor, DateTimeOffset cutoff, long rows, CancellationToken cancellationToken)
    {
        if (anchor is not { } cut || (await RecordedCutAsync(session, cancellationToken))?.ThroughBatch == cut.BatchId)
            return;
        session.Events.Append(StreamId, new AccessHistoryPurged(cut.BatchId, cut.Hash, rows, cutoff));
    }

    private async Task<(long BatchId, byte[] Hash)?> AnchorAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT batch_id, batch_hash FROM {Table}_chain WHERE purged_at IS NOT NULL ORDER BY batch_id DESC LIMIT 1", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), (byte[])reader[1]) : null;
    }

    /// <summary>
    /// The last batch all of whose records, and all earlier batches' records, were made before the cut-off: one before
    /// the first batch holding a newer record (records are stamped by the business clock, batches numbered in order).
    /// </summary>
    private async Task<long?> LastBatchBeforeAsync(NpgsqlConnection connection, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT coalesce((SELECT min(batch_id) - 1 FROM {Table} WHERE accessed_at >= $1), (SELECT max(batch_id) FROM {Table}_chain))", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = cutoff });
        return await command.ExecuteScalarAsync(cancellationToken) is long batch ? batch : null;
    }

    /// <summary>The monthly partitions (named <c>_yYYYYmMM</c> by <see cref="AccessLogTable"/>) whose month ends by the cut-off.</summary>
    private async Task<List<string>> PartitionsEndingByAsync(NpgsqlConnection connection, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent " +
            "JOIN pg_namespace n ON n.oid = p.relnamespace WHERE p.relname = $1 AND n.nspname = $2", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = AccessLogTable.Name });
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        var partitions = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0);
            if (MonthlyPartition().Match(name) is { Success: true } month
                && new DateTimeOffset(int.Parse(month.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(month.Groups[2].Value, CultureInfo.InvariantCulture), 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1) <= cutoff)
                partitions.Add(name);
        }

        return partitions;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    [GeneratedRegex(@"_y(\d{4})m(\d{2})$")]
    private static partial Regex MonthlyPartition();
}
