using MonBureau.Domain.Privacy;

namespace MonBureau.Domain.Auditing;

/// <summary>One sealed batch whose events a purge rewrote: its content hash before and after, never the content.</summary>
public sealed record ResealedBatch(long Batch, long FirstSequence, long LastSequence, byte[] PreviousContentHash, byte[] ContentHash, int Rows);

/// <summary>
/// A retention purge rewrote events already sealed into the event-log chain (masking payloads, ADR 0023): the batches
/// named here are now expected to hold <see cref="ResealedBatch.ContentHash"/>. Recorded in the event log itself, and
/// sealed in turn, so the verification can tell a purge from an edit.
/// </summary>
public sealed record EventLogResealed(IReadOnlyList<ResealedBatch> Batches, RetentionCategory Category, DateTimeOffset ResealedAt);
