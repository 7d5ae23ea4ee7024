using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MonBureau.Application.Auditing;

/// <summary>
/// Tamper evidence for the access history: each batch's hash covers the previous batch's hash and every row of the
/// batch, so editing, deleting or inserting a row — or a whole batch — breaks the chain from there on.
/// </summary>
public static class AccessChain
{
    public static readonly byte[] Genesis = new byte[32];

    public static byte[] HashBatch(byte[] previousHash, IEnumerable<AccessRecord> rows)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        ArgumentNullException.ThrowIfNull(rows);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(previousHash);
        foreach (var row in rows)
            hash.AppendData(Encoding.UTF8.GetBytes(Canonical(row)));
        return hash.GetHashAndReset();
    }

    // Microsecond precision: what PostgreSQL keeps of a timestamptz, so a hash recomputed from the table matches.
    private static string Canonical(AccessRecord r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.AccessedAt.UtcTicks / 10}|{r.ActorId}|{r.Role}|{r.EstablishmentId}|{r.SubjectId}|{r.Category}|{r.Operation}|{r.CorrelationId}\n");
}
