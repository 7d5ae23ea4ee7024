using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MonBureau.Application.Auditing;

/// <summary>
/// Records reads of personal data durably before the data is returned. Concurrent requests are group-committed:
/// one binary COPY carries every record queued meanwhile, and each request awaits the commit of its own records.
/// A request whose records cannot be written fails — and so does not return the data.
/// Not sealed only so the benchmark harness can measure the read path without recording (issue 9, ADR 0024); the host
/// never replaces it.
/// </summary>
public class AccessLog(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<AccessLog> logger, string schema) : BackgroundService
{
    private const int MaxBatch = 2_000;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    public virtual Task RecordAsync(IReadOnlyList<AccessRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
            return Task.CompletedTask;
        var pending = new Pending(records, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        return _queue.Writer.TryWrite(pending) ? pending.Written.Task : Task.FromException(new AccessLogUnavailableException(null));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await AccessLogTable.EnsureAsync(dataSource, schema, clock.GetUtcNow(), stoppingToken);
        var batch = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            var rows = 0;
            while (rows < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                rows += pending.Records.Count;
            }

            await FlushAsync(batch, stoppingToken);
            batch.Clear();
        }
    }

    private async Task FlushAsync(List<Pending> batch, CancellationToken cancellationToken)
    {
        var records = batch.SelectMany(p => p.Records).Select(Truncated).ToList();
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var (batchId, previousHash) = await NextLinkAsync(connection, cancellationToken);
            await AccessLogTable.CopyAsync(connection, schema, batchId, records, cancellationToken);
            await using (var link = new NpgsqlCommand(
                $"INSERT INTO {schema}.{AccessLogTable.Name}_chain (batch_id, row_count, previous_hash, batch_hash, written_at) VALUES ($1, $2, $3, $4, now())", connection))
            {
                link.Parameters.Add(new NpgsqlParameter { Value = batchId });
                link.Parameters.Add(new NpgsqlParameter { Value = records.Count });
                link.Parameters.Add(new NpgsqlParameter { Value = previousHash });
                link.Parameters.Add(new NpgsqlParameter { Value = AccessChain.HashBatch(previousHash, records) });
                await link.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            batch.ForEach(p => p.Written.TrySetResult());
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            logger.LogError(e, "Could not write {Count} access records; the reads they cover are refused", records.Count);
            batch.ForEach(p => p.Written.TrySetException(new AccessLogUnavailableException(e)));
        }
    }

    /// <summary>The next batch number and the hash it chains to; the advisory lock serialises writers of several nodes.</summary>
    private async Task<(long BatchId, byte[] PreviousHash)> NextLinkAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
             SELECT pg_advisory_xact_lock(7219001);
             SELECT nextval('{schema}.{AccessLogTable.Name}_batch_seq'),
                    (SELECT batch_hash FROM {schema}.{AccessLogTable.Name}_chain ORDER BY batch_id DESC LIMIT 1)
             """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.IsDBNull(1) ? AccessChain.Genesis : (byte[])reader[1]);
    }

    private static AccessRecord Truncated(AccessRecord record) =>
        record with { AccessedAt = new DateTimeOffset(record.AccessedAt.UtcTicks / 10 * 10, TimeSpan.Zero) };

    private sealed record Pending(IReadOnlyList<AccessRecord> Records, TaskCompletionSource Written);
}

public sealed class AccessLogUnavailableException(Exception? inner)
    : Exception("The access history could not record this read, so the data is not returned.", inner);
