namespace MonBureau.Domain.Privacy;

/// <summary>
/// The access history was cut: every batch up to <see cref="ThroughBatch"/> is gone, and the chain now starts from that
/// batch's hash (<see cref="AnchorHash"/>). Kept in the event log so a verification can tell a purge from a deletion.
/// </summary>
public sealed record AccessHistoryPurged(long ThroughBatch, byte[] AnchorHash, long Rows, DateTimeOffset Cutoff);
