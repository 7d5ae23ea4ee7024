using System.Security.Cryptography;
using System.Text;

namespace MonBureau.Application.Auditing;

/// <summary>Derives a stable id per system job name, so "demo-seeder" is the same actor on every node and every run.</summary>
public static class SystemActorIds
{
    public static Guid For(string jobName)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("monbureau-system-actor:" + jobName));
        return new Guid(hash.AsSpan(0, 16));
    }
}
