using Marten;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;
using Npgsql;

namespace MonBureau.Application.Auditing;

public sealed record ChainVerification(long BatchesChecked, long RowsChecked, long? FirstBrokenBatch, string? Problem)
{
    public bool Intact => FirstBrokenBatch is null;
}

/// <summary>
/// Walks the access history's chain from its start — the genesis, or the anchor a retention purge left, which must be
/// the cut the event log recorded — and reports the first broken link.
/// </summary>
public sealed class AccessChainVerifier(NpgsqlDataSource dataSource, string schema, IDocumentStore store)
{
    public async Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var table = $"{schema}.{AccessLogTable.Name}";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var orphans = new NpgsqlCommand($"SELECT min(batch_id) FROM {table} l WHERE NOT EXISTS (SELECT 1 FROM {table}_chain c WHERE c.batch_id = l.batch_id)", connection))
        {
            if (await orphans.ExecuteScalarAsync(cancellationToken) is long orphan)
                return new ChainVerification(0, 0, orphan, $"Rows claim batch {orphan}, which the chain does not know: rows were inserted.");
        }

        var links = new List<(long BatchId, int RowCount, byte[] Previous, byte[] Hash, bool Purged)>();
        await using (var chain = new NpgsqlCommand($"SELECT batch_id, row_count, previous_hash, batch_hash, purged_at IS NOT NULL FROM {table}_chain ORDER BY batch_id", connection))
        await using (var reader = await chain.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                links.Add((reader.GetInt64(0), reader.GetInt32(1), (byte[])reader[2], (byte[])reader[3], reader.GetBoolean(4)));
        }

        var expectedPrevious = AccessChain.Genesis;
        if (links.FirstOrDefault() is { Purged: true } anchor)
        {
            await using var session = store.QuerySession();
            var recorded = await AccessHistoryPurge.RecordedCutAsync(session, cancellationToken);
            if (recorded is null || recorded.ThroughBatch != anchor.BatchId || !recorded.AnchorHash.AsSpan().SequenceEqual(anchor.Hash))
                return new ChainVerification(0, 0, anchor.BatchId, $"The history starts at batch {anchor.BatchId}, but no purge recorded that cut: earlier batches were removed.");
            expectedPrevious = anchor.Hash;
            links.RemoveAt(0);
        }

        long rows = 0;
        foreach (var (link, checkedSoFar) in links.Select((l, i) => (l, i)))
        {
            if (!link.Previous.AsSpan().SequenceEqual(expectedPrevious))
                return new ChainVerification(checkedSoFar, rows, link.BatchId, $"Batch {link.BatchId} does not follow the previous batch: a batch was removed or rewritten.");
            var records = await RowsOfAsync(connection, table, link.BatchId, cancellationToken);
            rows += records.Count;
            if (records.Count != link.RowCount)
                return new ChainVerification(checkedSoFar, rows, link.BatchId, $"Batch {link.BatchId} had {link.RowCount} rows and now has {records.Count}.");
            if (!AccessChain.HashBatch(link.Previous, records).AsSpan().SequenceEqual(link.Hash))
                return new ChainVerification(checkedSoFar, rows, link.BatchId, $"A row of batch {link.BatchId} was changed.");
            expectedPrevious = link.Hash;
        }

        return new ChainVerification(links.Count, rows, null, null);
    }

    private static async Task<List<AccessRecord>> RowsOfAsync(NpgsqlConnection connection, string table, long batchId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT accessed_at, actor_id, actor_role, establishment_id, subject_id, category, operation, correlation_id FROM {table} WHERE batch_id = $1 ORDER BY seq", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = batchId });
        var records = new List<AccessRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new AccessRecord(
                reader.GetGuid(1),
                Enum.TryParse<Role>(reader.GetString(2), out var role) ? role : (Role)(-1),
                reader.IsDBNull(3) ? null : reader.GetGuid(3),
                reader.GetGuid(4),
                Enum.TryParse<DataCategory>(reader.GetString(5), out var category) ? category : (DataCategory)(-1),
                reader.GetString(6),
                reader.GetString(7),
                reader.GetFieldValue<DateTimeOffset>(0)));
        }

        return records;
    }
}
