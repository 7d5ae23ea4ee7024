using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MonBureau.Application.Identity;

/// <summary>
/// PBKDF2-HMAC-SHA256 with OWASP's 2023 work factor (600,000 iterations), 16-byte salt. The stored form names the
/// algorithm and iterations, so the factor can be raised later and old hashes upgraded at the next sign-in.
/// </summary>
public sealed class PasswordHasher(int iterations = PasswordHasher.OwaspIterations)
{
    public const int OwaspIterations = 600_000;
    private const string Scheme = "pbkdf2-sha256";

    // Verified against when the login is unknown, so both answers take the same time.
    private readonly Lazy<string> _decoy = new(() => new PasswordHasher(iterations).Hash(Guid.NewGuid().ToString()));

    public string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 32);
        return string.Create(CultureInfo.InvariantCulture, $"{Scheme}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    public bool Verify(string password, string? stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        var parts = (stored ?? _decoy.Value).Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var rounds))
            return false;
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Convert.FromBase64String(parts[2]), rounds, HashAlgorithmName.SHA256, expected.Length);
        return stored is not null && CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
