using System.Security.Cryptography;
using System.Text;

namespace MonBureau.Domain.Common;

/// <summary>
/// Stream ids derived from natural keys, so the same key always reaches the same stream without a lookup:
/// a name-based UUID (version 5 layout over SHA-256), stable across processes and machines.
/// </summary>
public static class NameBasedId
{
    public static Guid From(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
