using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace MonBureau.Application.Auditing;

/// <summary>
/// Records reads of personal data durably before the data is returned. Concurrent requests are group-committed:
/// one binary COPY carries every record queued meanwhile, and each request awaits the commit of its own records.
/// A request whose records cannot be written fails — and so does not return the data.
/// </summary>
public sealed class AccessLog(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<AccessLog> logger, string schema) : BackgroundService
{
    private const int MaxBatch = 2_000;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    public Task RecordAsync(IReadOnlyList<AccessRecord> records)
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
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using (var copy = await connection.BeginBinaryImportAsync(
                $"COPY {schema}.{AccessLogTable.Name} (accessed_at, actor_id, actor_role, establishment_id, subject_id, category, operation, correlation_id) FROM STDIN (FORMAT BINARY)",
                cancellationToken))
            {
                foreach (var record in batch.SelectMany(p => p.Records))
                {
                    await copy.StartRowAsync(cancellationToken);
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

            batch.ForEach(p => p.Written.TrySetResult());
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            logger.LogError(e, "Could not write {Count} access records; the reads they cover are refused", batch.Sum(p => p.Records.Count));
            batch.ForEach(p => p.Written.TrySetException(new AccessLogUnavailableException(e)));
        }
    }

    private sealed record Pending(IReadOnlyList<AccessRecord> Records, TaskCompletionSource Written);
}

public sealed class AccessLogUnavailableException(Exception? inner)
    : Exception("The access history could not record this read, so the data is not returned.", inner);
