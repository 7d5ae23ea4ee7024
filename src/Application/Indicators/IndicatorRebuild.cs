using System.Diagnostics;
using Marten;
using JasperFx.Events;
using Marten.Events;
using Weasel.Core;
using MonBureau.Application.Privacy;
using MonBureau.Domain.Indicators;

namespace MonBureau.Application.Indicators;

/// <param name="Position">The last event sequence replayed.</param>
/// <param name="Start">The sequence the rebuild started after.</param>
/// <param name="HighWater">The last event sequence when the rebuild started: it stops there.</param>
public sealed record RebuildProgress(long Position, long Start, long HighWater, long EventsReplayed, long FactsWritten, TimeSpan Elapsed)
{
    public double Fraction => HighWater <= Start ? 1 : (double)(Position - Start) / (HighWater - Start);

    /// <summary>Events of the log covered per second (every event up to the position, whether it yields a fact or not).</summary>
    public double EventsPerSecond => Elapsed.TotalSeconds <= 0 ? 0 : (Position - Start) / Elapsed.TotalSeconds;

    public TimeSpan? Remaining => EventsPerSecond <= 0 ? null : TimeSpan.FromSeconds((HighWater - Position) / EventsPerSecond);
}

public sealed record RebuildSummary(long LogEvents, long EventsReplayed, long FactsWritten, long EventsWithoutFact, TimeSpan Elapsed)
{
    public double EventsPerSecond => Elapsed.TotalSeconds <= 0 ? 0 : LogEvents / Elapsed.TotalSeconds;
}

/// <summary>
/// Rebuilds every indicator fact from the event log, in batches of sequence order up to the log's end when it started.
/// Safe while the system runs: a fact is a pure function of its event and is keyed by the event's id, so the rebuild
/// rewrites exactly what the live projection wrote or would write; it removes only facts of events it has just read
/// that no longer yield one. Events appended meanwhile get their facts from the live projection.
/// </summary>
public static class IndicatorRebuild
{
    public static async Task<RebuildSummary> RunAsync(IDocumentStore store, IProgress<RebuildProgress>? progress, CancellationToken cancellationToken, int batchSize = 2_000)
    {
        ArgumentNullException.ThrowIfNull(store);
        var watch = Stopwatch.StartNew();
        long highWater;
        await using (var query = store.QuerySession())
            highWater = await query.Events.QueryAllRawEvents().AnyAsync(cancellationToken) ? await query.Events.QueryAllRawEvents().MaxAsync(e => e.Sequence, cancellationToken) : 0;

        long position = 0, replayed = 0, written = 0, withoutFact = 0;
        while (position < highWater)
        {
            var batch = await ReadBatchAsync(store, position, highWater, batchSize, cancellationToken);
            var facts = batch.Select(e => (Event: e, Fact: IndicatorFacts.From(e.Data, e.Id, e.Timestamp))).ToList();
            var kept = facts.Where(f => f.Fact is not null).Select(f => f.Fact!).ToList();
            var stale = facts.Where(f => f.Fact is null).Select(f => f.Event.Id).ToList();
            // COPY-based upserts: several times faster than a session's statements, and as idempotent.
            if (kept.Count > 0)
                await store.BulkInsertAsync(kept, BulkInsertMode.OverwriteExisting, 1000, cancellationToken);
            if (stale.Count > 0)
            {
                await using var session = store.LightweightSession();
                session.DeleteWhere<IndicatorFact>(f => stale.Contains(f.Id));
                await session.SaveChangesAsync(cancellationToken);
            }

            replayed += batch.Count;
            written += kept.Count;
            withoutFact += stale.Count;
            position = batch.Count < batchSize ? highWater : batch[^1].Sequence;
            progress?.Report(new RebuildProgress(position, 0, highWater, replayed, written, watch.Elapsed));
        }

        return new RebuildSummary(highWater, replayed, written, withoutFact, watch.Elapsed);
    }

    /// <summary>The next events facts come from, in sequence order, after <paramref name="position"/> and up to <paramref name="highWater"/>.</summary>
    public static async Task<IReadOnlyList<IEvent>> ReadBatchAsync(IDocumentStore store, long position, long highWater, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var types = IndicatorFacts.SourceEventTypes.ToArray();
        await using var session = store.QuerySession();
        // Facts never read a sealed text: opening them (a key look-up and a decryption each) was half the rebuild's reading time.
        using var unopened = PersonalDataJsonConverter.LeaveSealed();
        return await session.Events.QueryAllRawEvents()
            .Where(e => e.Sequence > position && e.Sequence <= highWater && e.EventTypesAre(types))
            .OrderBy(e => e.Sequence)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
    }
}
