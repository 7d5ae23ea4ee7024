using JasperFx.Events.Protected;
using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Privacy;
using Npgsql;

namespace MonBureau.Application.Auditing;

/// <summary>
/// Seals the event log into <see cref="EventChainTable"/> in sequence order, outside every append transaction: a few
/// seconds behind, on every node, one sealer at a time (an advisory lock). It seals only up to a horizon no writer can
/// still fill: the highest sequence visible once every transaction that was running when it was read has ended
/// (ADR 0023). Purges that rewrite sealed events go through <see cref="MaskAsync"/>, which records the reseal.
/// </summary>
public sealed class EventChainSealer(NpgsqlDataSource dataSource, string schema, TimeProvider clock, ILogger<EventChainSealer> logger) : BackgroundService
{
    /// <summary>Taken exclusively to seal or reseal, shared to verify.</summary>
    internal const long LockKey = 7219002;

    /// <summary>The stream recording the reseals, so the verification can tell a purge from an edit.</summary>
    public static readonly Guid StreamId = SystemActorIds.For("event-log-reseals");

    private const int BatchSize = 1_000;
    private const int BatchesPerRead = 20;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SealAsync(waitForWriters: TimeSpan.FromSeconds(2), waitForLock: false, stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning(e, "Could not seal the event log this round; the next round catches up");
            }
        }
    }

    /// <summary>Seals what is safe to seal; returns how many batches were added (0 when another node holds the lock or writers are still running).</summary>
    public async Task<int> SealAsync(TimeSpan waitForWriters, bool waitForLock, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await HorizonAsync(connection, waitForWriters, cancellationToken) is not { } horizon)
            return 0;

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await LockAsync(connection, waitForLock, cancellationToken))
            return 0;

        var sealedBatches = 0;
        var head = await HeadAsync(connection, cancellationToken);
        while ((head?.LastSequence ?? 0) < horizon)
        {
            var rows = new List<(long Sequence, string?[] Fields)>();
            await using (var read = new NpgsqlCommand(EventLogRows.Select(schema, "seq_id > $1 AND seq_id <= $2") + $" LIMIT {BatchSize * BatchesPerRead}", connection))
            {
                read.Parameters.Add(new NpgsqlParameter { Value = head?.LastSequence ?? 0 });
                read.Parameters.Add(new NpgsqlParameter { Value = horizon });
                await using var reader = await read.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                    rows.Add(EventLogRows.Read(reader));
            }

            // A trailing gap (rolled-back sequence numbers) stays unsealed: the next batch's range covers it.
            foreach (var chunk in rows.Chunk(BatchSize))
            {
                head = await AppendAsync(connection, head, chunk, cancellationToken);
                sealedBatches++;
            }

            if (rows.Count < BatchSize * BatchesPerRead)
                break;
        }

        await transaction.CommitAsync(cancellationToken);
        return sealedBatches;
    }

    /// <summary>
    /// Masks event payloads for a retention purge and records, in the caller's session, the new content of every
    /// sealed batch the masking changed (<see cref="EventLogResealed"/>), with the purge's category — never the content.
    /// The lock keeps sealing and verification out meanwhile.
    /// </summary>
    public async Task MaskAsync(
        IDocumentSession session, RetentionCategory category, IReadOnlyCollection<Guid> streams, Action<IEventDataMasking> mask, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(streams);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, wait: true, cancellationToken);
        await session.DocumentStore.Advanced.ApplyEventDataMasking(mask, cancellationToken);

        var reseals = await ResealsAsync(session, cancellationToken);
        var changed = new List<ResealedBatch>();
        foreach (var link in await LinksOfAsync(connection, streams, cancellationToken))
        {
            var now = await EventLogRows.ContentAsync(connection, schema, link.FirstSequence, link.LastSequence, cancellationToken);
            var expected = reseals.GetValueOrDefault(link.Batch)?.ContentHash ?? link.ContentHash;
            if (!now.ContentHash.AsSpan().SequenceEqual(expected))
                changed.Add(new ResealedBatch(link.Batch, link.FirstSequence, link.LastSequence, expected, now.ContentHash, now.Rows));
        }

        if (changed.Count > 0)
            session.Events.Append(StreamId, new EventLogResealed(changed, category, clock.GetUtcNow()));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The last recorded reseal of each batch.</summary>
    public static async Task<IReadOnlyDictionary<long, ResealedBatch>> ResealsAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var events = await session.Events.FetchStreamAsync(StreamId, token: cancellationToken);
        var last = new Dictionary<long, ResealedBatch>();
        foreach (var batch in events.Select(e => e.Data).OfType<EventLogResealed>().SelectMany(r => r.Batches))
            last[batch.Batch] = batch;
        return last;
    }

    internal static async Task<bool> LockAsync(NpgsqlConnection connection, bool wait, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            wait ? $"SELECT true FROM pg_advisory_xact_lock({LockKey})" : $"SELECT pg_try_advisory_xact_lock({LockKey})", connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// The highest sequence now visible, once every transaction running at that moment has ended: a transaction that
    /// took a lower sequence number was running then, so after it ends its events are either visible or never will be.
    /// Null if they have not all ended within the wait.
    /// </summary>
    private async Task<long?> HorizonAsync(NpgsqlConnection connection, TimeSpan wait, CancellationToken cancellationToken)
    {
        long highest;
        string runningBefore;
        await using (var read = new NpgsqlCommand(
            $"SELECT coalesce(max(seq_id), 0), pg_snapshot_xmax(pg_current_snapshot())::text FROM {schema}.mt_events", connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (highest, runningBefore) = (reader.GetInt64(0), reader.GetString(1));
        }

        var deadline = DateTime.UtcNow + wait;
        await using var ended = new NpgsqlCommand("SELECT pg_snapshot_xmin(pg_current_snapshot()) >= $1::xid8", connection);
        ended.Parameters.Add(new NpgsqlParameter { Value = runningBefore });
        while (!(bool)(await ended.ExecuteScalarAsync(cancellationToken))!)
        {
            if (DateTime.UtcNow >= deadline)
                return null;
            await Task.Delay(50, cancellationToken);
        }

        return highest;
    }

    private async Task<EventChainLink?> HeadAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        (await ReadLinksAsync(connection, $"SELECT {LinkColumns} FROM {schema}.{EventChainTable.Name} ORDER BY batch_no DESC LIMIT 1", null, cancellationToken)).SingleOrDefault();

    private Task<List<EventChainLink>> LinksOfAsync(NpgsqlConnection connection, IReadOnlyCollection<Guid> streams, CancellationToken cancellationToken) =>
        ReadLinksAsync(connection, $"""
            SELECT DISTINCT {LinkColumns} FROM {schema}.mt_events e
            CROSS JOIN LATERAL (SELECT * FROM {schema}.{EventChainTable.Name} c WHERE c.last_seq >= e.seq_id ORDER BY c.last_seq LIMIT 1) c
            WHERE e.stream_id = ANY($1) AND c.first_seq <= e.seq_id ORDER BY batch_no
            """, streams.ToArray(), cancellationToken);

    internal const string LinkColumns = "batch_no, first_seq, last_seq, row_count, content_hash, previous_link, link_hash";

    internal static async Task<List<EventChainLink>> ReadLinksAsync(NpgsqlConnection connection, string sql, object? parameter, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (parameter is not null)
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        var links = new List<EventChainLink>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            links.Add(new EventChainLink(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt32(3), (byte[])reader[4], (byte[])reader[5], (byte[])reader[6]));
        return links;
    }

    private async Task<EventChainLink> AppendAsync(NpgsqlConnection connection, EventChainLink? previous, (long Sequence, string?[] Fields)[] rows, CancellationToken cancellationToken)
    {
        var batch = (previous?.Batch ?? 0) + 1;
        var first = (previous?.LastSequence ?? 0) + 1;
        var last = rows[^1].Sequence;
        var content = EventChain.ContentHash(rows.Select(r => r.Fields));
        var previousLink = previous?.LinkHash ?? EventChain.Genesis;
        var link = new EventChainLink(batch, first, last, rows.Length, content, previousLink, EventChain.LinkHash(previousLink, batch, first, last, rows.Length, content));
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO {schema}.{EventChainTable.Name} ({LinkColumns}, sealed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, now())", connection);
        foreach (var value in new object[] { link.Batch, link.FirstSequence, link.LastSequence, link.Rows, link.ContentHash, link.PreviousLink, link.LinkHash })
            insert.Parameters.Add(new NpgsqlParameter { Value = value });
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return link;
    }
}
