namespace MonBureau.Application.Privacy;

/// <summary>
/// The key-encryption key that wraps every data subject's key at rest, so a database dump alone reveals no personal data.
/// It comes from configuration (MONBUREAU_MASTER_KEY, base64 of 32 bytes) and never lives in the database.
/// </summary>
public sealed class MasterKey
{
    public const int Length = 32;

    public MasterKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != Length)
            throw new ArgumentException($"The master key must be {Length} bytes (base64 of 32 random bytes).", nameof(key));
        Bytes = key;
    }

    internal byte[] Bytes { get; }

    public static MasterKey FromBase64(string base64) => new(Convert.FromBase64String(base64));
}
