using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MonBureau.Application.Privacy;

namespace MonBureau.Application.Identity;

/// <summary>
/// Logins ("lea.schneider") are personal data, so the index that finds an account by login stores a keyed hash of
/// it, derived from the master key: a database dump alone cannot be searched for a name.
/// </summary>
public sealed class LoginKeys(MasterKey masterKey)
{
    private readonly byte[] _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey.Bytes, 32, info: Encoding.UTF8.GetBytes("monbureau-login-index"));

    public static string Normalize(string login) => (login ?? "").Trim().ToLower(CultureInfo.InvariantCulture);

    public string For(string login) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(Normalize(login))));
}
