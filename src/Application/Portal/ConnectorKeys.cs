using System.Security.Cryptography;
using System.Text;
using MonBureau.Application.Privacy;

namespace MonBureau.Application.Portal;

/// <summary>
/// Per-connector secrets and pseudonyms, derived from the master key (ADR 0028): nothing to store, nothing in the events,
/// and one connector's secret or pseudonyms tell nothing about another's.
/// </summary>
public sealed class ConnectorKeys(MasterKey masterKey)
{
    private readonly byte[] _root = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey.Bytes, 32, info: Encoding.UTF8.GetBytes("monbureau-connectors"));

    /// <summary>The HMAC-SHA256 key the connector's assertions are signed with; the operator hands it to the provider.</summary>
    public byte[] SigningKeyFor(Guid connectorId) => Derive($"signing:{connectorId:N}");

    /// <summary>A stable subject for this person at this connector only: not their id, not linkable across connectors.</summary>
    public string PseudonymFor(Guid connectorId, Guid personId) => Convert.ToBase64String(Derive($"subject:{connectorId:N}:{personId:N}"))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private byte[] Derive(string purpose) => HMACSHA256.HashData(_root, Encoding.UTF8.GetBytes(purpose));
}
