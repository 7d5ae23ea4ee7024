using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MonBureau.Host.GraphQL;

/// <summary>The allow-list of operations production front-ends may send, by SHA-256 of the document (hex).</summary>
public sealed class PersistedOperations(IReadOnlyDictionary<string, string>? byHash)
{
    public bool Enforced => byHash is not null;

    public static PersistedOperations Load(string? path) =>
        new(path is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))
            ?.ToDictionary(p => p.Key.ToLowerInvariant(), p => p.Value));

    /// <summary>The document to run: the one named by <paramref name="hash"/>, or <paramref name="query"/> if listed; null if refused.</summary>
    public string? Resolve(string? query, string? hash)
    {
        if (byHash is null)
            return query;
        if (hash is not null)
            return byHash.GetValueOrDefault(hash.ToLowerInvariant());
        return query is not null && byHash.ContainsKey(Hash(query)) ? query : null;
    }

    public static string Hash(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));
}
