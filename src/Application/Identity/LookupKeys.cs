using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MonBureau.Application.Privacy;

namespace MonBureau.Application.Identity;

/// <summary>
/// Keyed hashes (HMAC, key derived from the master key) of identifying values we must look up but not store:
/// logins, INE numbers, names. A database dump alone cannot be searched for a person.
/// </summary>
public sealed class LookupKeys(MasterKey masterKey)
{
    private readonly byte[] _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey.Bytes, 32, info: Encoding.UTF8.GetBytes("monbureau-lookup-keys"));

    public static string Normalize(string login) => (login ?? "").Trim().ToLower(CultureInfo.InvariantCulture);

    public string For(string login) => Of("login", Normalize(login));

    public string ForIne(string ine) => Of("ine", Normalize(ine));

    public string ForName(string familyName, string givenName) => Of("name", $"{LoginNames.Base(givenName, familyName)}");

    private string Of(string purpose, string value) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{purpose}:{value}")));
}
