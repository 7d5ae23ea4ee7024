using System.Security.Cryptography;

namespace MonBureau.Host.Setup;

/// <summary>
/// The master key and token-signing key come from configuration in any real deployment. On a developer machine
/// without them, a random key is created once under .local/ so the demo's sealed data survives restarts.
/// </summary>
public static class Secrets
{
    public static string Resolve(IConfiguration configuration, string name, string? localStateDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[name] is { Length: > 0 } configured)
            return configured;
        if (localStateDirectory is null)
            throw new InvalidOperationException($"{name} must be configured outside Development.");

        Directory.CreateDirectory(localStateDirectory);
        var path = Path.Combine(localStateDirectory, name.ToLowerInvariant() + ".key");
        if (!File.Exists(path))
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        return File.ReadAllText(path).Trim();
    }
}
