using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MonBureau.Domain.Auditing;

/// <summary>One sealed batch of the event log: a contiguous range of sequence numbers and what it held when sealed.</summary>
/// <param name="Batch">The batch number, from 1, in sequence order.</param>
/// <param name="FirstSequence">The first sequence number the batch covers (the previous batch's last plus one).</param>
/// <param name="LastSequence">The last sequence number it covers; gaps in between are covered too, so a row inserted there later shows.</param>
/// <param name="Rows">How many events the range held when sealed.</param>
/// <param name="ContentHash">The hash of those events as sealed (<see cref="EventChain.ContentHash"/>).</param>
/// <param name="PreviousLink">The previous batch's <see cref="LinkHash"/> (zeros for the first).</param>
/// <param name="LinkHash">Commits to the previous link and to this batch's range, count and original content.</param>
public sealed record EventChainLink(long Batch, long FirstSequence, long LastSequence, int Rows, byte[] ContentHash, byte[] PreviousLink, byte[] LinkHash);

/// <summary>What one batch holds now, recomputed from the event log.</summary>
public sealed record EventBatchContent(int Rows, byte[] ContentHash);

/// <summary>
/// Tamper evidence for the event log (ADR 0023): events are sealed in sequence order into batches whose link hash
/// covers the previous link and the batch's original content hash. A legitimate rewrite (a retention purge masking
/// payloads) is recorded as an <see cref="EventLogResealed"/> event naming the batch's new content hash; the links
/// keep chaining over the original hashes, so later links stay valid.
/// </summary>
public static class EventChain
{
    public static readonly byte[] Genesis = new byte[32];

    /// <summary>
    /// The hash of a batch's events, each given as its columns in text (null kept distinct from empty); every field is
    /// length-prefixed so no value can imitate a separator.
    /// </summary>
    public static byte[] ContentHash(IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var row in rows)
        {
            var canonical = new StringBuilder();
            foreach (var field in row)
                canonical.Append(field is null ? "-;" : string.Create(CultureInfo.InvariantCulture, $"{field.Length}:{field};"));
            hash.AppendData(Encoding.UTF8.GetBytes(canonical.Append('\n').ToString()));
        }

        return hash.GetHashAndReset();
    }

    public static byte[] LinkHash(byte[] previousLink, long batch, long firstSequence, long lastSequence, int rows, byte[] contentHash)
    {
        ArgumentNullException.ThrowIfNull(previousLink);
        ArgumentNullException.ThrowIfNull(contentHash);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(previousLink);
        hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{batch}|{firstSequence}|{lastSequence}|{rows}|")));
        hash.AppendData(contentHash);
        return hash.GetHashAndReset();
    }

    /// <summary>
    /// The first thing wrong with one link, given the link before it (null for the first batch), what the batch holds
    /// now and the last recorded reseal of this batch (null if never resealed); null when sound.
    /// </summary>
    public static string? Check(EventChainLink link, EventChainLink? previous, EventBatchContent now, ResealedBatch? reseal)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(now);
        var expectedPrevious = previous?.LinkHash ?? Genesis;
        var expectedFirst = (previous?.LastSequence ?? 0) + 1;
        if (link.Batch != (previous?.Batch ?? 0) + 1 || link.FirstSequence != expectedFirst || !link.PreviousLink.AsSpan().SequenceEqual(expectedPrevious))
            return $"Batch {link.Batch} does not follow the previous batch: a batch was removed, inserted or rewritten in the chain.";
        if (!LinkHash(link.PreviousLink, link.Batch, link.FirstSequence, link.LastSequence, link.Rows, link.ContentHash).AsSpan().SequenceEqual(link.LinkHash))
            return $"The seal of batch {link.Batch} was rewritten.";
        var (expectedHash, expectedRows) = reseal is null ? (link.ContentHash, link.Rows) : (reseal.ContentHash, reseal.Rows);
        var events = $"Events {link.FirstSequence}–{link.LastSequence} (batch {link.Batch})";
        if (now.ContentHash.AsSpan().SequenceEqual(expectedHash))
            return null;
        if (now.Rows != expectedRows)
            return $"{events} were {expectedRows} and are {now.Rows}: events were {(now.Rows < expectedRows ? "deleted" : "inserted")} without a recorded purge.";
        return $"{events}: an event was changed without a recorded purge.";
    }
}
