using System.Globalization;

namespace MonBureau.Host.Database;

/// <summary>
/// Where the machine's PostgreSQL programs are: MONBUREAU_PG_BIN, else the newest Debian install, else the PATH. The
/// local cluster starts from them, and tools that must match its version (pg_dump) are taken from the same place.
/// </summary>
public static class PostgresBinaries
{
    public static string? Directory()
    {
        if (Environment.GetEnvironmentVariable("MONBUREAU_PG_BIN") is { Length: > 0 } configured)
            return configured;
        const string debianRoot = "/usr/lib/postgresql";
        if (System.IO.Directory.Exists(debianRoot))
        {
            var newest = System.IO.Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var v) ? v : 0))
                .OrderByDescending(x => x.Version)
                .Select(x => Path.Combine(x.Dir, "bin"))
                .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")));
            if (newest is not null)
                return newest;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .FirstOrDefault(d => d.Length > 0 && File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    /// <summary>The full path of one program (e.g. "pg_dump") next to the server's, or its bare name to find on the PATH.</summary>
    public static string Program(string name) =>
        Directory() is { } directory && File.Exists(Path.Combine(directory, name)) ? Path.Combine(directory, name) : name;
}
