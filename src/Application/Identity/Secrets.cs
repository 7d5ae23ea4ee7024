using System.Security.Cryptography;
using System.Text;

namespace MonBureau.Application.Identity;

/// <summary>One-time codes and opaque tokens: generated with a CSPRNG, stored only as SHA-256 digests.</summary>
public static class Secrets
{
    // No 0/O, 1/I/L: activation codes are typed from a letter handed to families.
    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string NewActivationCode() =>
        string.Create(10, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
                span[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
        });

    public static string NewOpaqueToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Digest(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret.Trim().ToUpperInvariant())));

    public static bool Matches(string secret, string? digest) =>
        digest is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Digest(secret)), Encoding.ASCII.GetBytes(digest));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
