using System.Data;
using Marten;
using MonBureau.Domain.Auditing;
using Npgsql;

namespace MonBureau.Application.Auditing;

/// <param name="BatchesChecked">Batches found sound (before the first broken one).</param>
/// <param name="EventsChecked">Events in those batches.</param>
/// <param name="FirstBrokenBatch">The first batch whose events or seal do not match; null when intact.</param>
/// <param name="FirstSequence">The first event sequence number of that batch.</param>
/// <param name="LastSequence">The last event sequence number it covers.</param>
/// <param name="Problem">What differs there.</param>
/// <param name="HeadLinkHash">The last batch's link hash (hex): kept outside the database, it proves later that nothing before it was rewritten.</param>
public sealed record EventLogVerification(
    long BatchesChecked, long EventsChecked, long? FirstBrokenBatch, long? FirstSequence, long? LastSequence, string? Problem, string? HeadLinkHash)
{
    public bool Intact => FirstBrokenBatch is null;
}

/// <summary>
/// Seals what is not sealed yet, then walks the event log's chain from its first batch, recomputing each batch's
/// content from <c>mt_events</c>, and reports the first broken link (ADR 0023). One consistent snapshot, read under
/// the sealer's lock shared, so neither a seal nor a purge's reseal lands halfway.
/// </summary>
public sealed class EventChainVerifier(NpgsqlDataSource dataSource, string schema, IDocumentStore store, EventChainSealer sealer)
{
    public async Task<EventLogVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        await sealer.SealAsync(waitForWriters: TimeSpan.FromSeconds(10), waitForLock: true, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using (var shared = new NpgsqlCommand($"SELECT true FROM pg_advisory_xact_lock_shared({EventChainSealer.LockKey})", connection))
            await shared.ExecuteScalarAsync(cancellationToken);

        IReadOnlyDictionary<long, ResealedBatch> reseals;
        await using (var session = store.QuerySession())
            reseals = await EventChainSealer.ResealsAsync(session, cancellationToken);
        var links = await EventChainSealer.ReadLinksAsync(connection,
            $"SELECT {EventChainSealer.LinkColumns} FROM {schema}.{EventChainTable.Name} ORDER BY batch_no", null, cancellationToken);
        var head = links.LastOrDefault();

        var walk = new Walk(links, reseals, head);
        await using (var read = new NpgsqlCommand(EventLogRows.Select(schema, "seq_id <= $1"), connection))
        {
            read.Parameters.Add(new NpgsqlParameter { Value = head?.LastSequence ?? 0 });
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (walk.Result is null && await reader.ReadAsync(cancellationToken))
                walk.Add(EventLogRows.Read(reader));
        }

        return walk.Finish();
    }

    /// <summary>Feeds the events in sequence order to their batches, checking each batch once its range is passed.</summary>
    private sealed class Walk(List<EventChainLink> links, IReadOnlyDictionary<long, ResealedBatch> reseals, EventChainLink? head)
    {
        private readonly List<string?[]> _rows = [];
        private int _next;
        private long _events;

        public EventLogVerification? Result { get; private set; }

        public void Add((long Sequence, string?[] Fields) row)
        {
            if (links.Count == 0 || row.Sequence < links[0].FirstSequence)
            {
                Result = Broken(links.FirstOrDefault(), $"Event {row.Sequence} lies before the first sealed batch: it was inserted.");
                return;
            }

            while (Result is null && row.Sequence > links[_next].LastSequence)
                Close();
            _rows.Add(row.Fields);
        }

        public EventLogVerification Finish()
        {
            while (Result is null && _next < links.Count)
                Close();
            return Result ?? new EventLogVerification(links.Count, _events, null, null, null, null, head is null ? null : Convert.ToHexStringLower(head.LinkHash));
        }

        private void Close()
        {
            var link = links[_next];
            var problem = EventChain.Check(link, _next == 0 ? null : links[_next - 1], new EventBatchContent(_rows.Count, EventChain.ContentHash(_rows)), reseals.GetValueOrDefault(link.Batch));
            if (problem is not null)
            {
                Result = Broken(link, problem);
                return;
            }

            _events += _rows.Count;
            _rows.Clear();
            _next++;
        }

        private EventLogVerification Broken(EventChainLink? link, string problem) =>
            new(_next, _events, link?.Batch ?? 0, link?.FirstSequence, link?.LastSequence, problem, head is null ? null : Convert.ToHexStringLower(head.LinkHash));
    }
}
