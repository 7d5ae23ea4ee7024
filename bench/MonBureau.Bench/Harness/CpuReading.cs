using System.Diagnostics;
using System.Globalization;

namespace MonBureau.Bench.Harness;

/// <summary>
/// Cumulative CPU seconds of the processes that serve a contender: its server process (if it has one), every
/// PostgreSQL process of the machine, and this load driver. Contenders take turns, so what is spent during a turn is
/// that contender's; divided by its operations, it is the CPU one operation costs, whatever the throughput — the
/// figure that says how many operations the machine's cores can serve at best. Linux only (<c>/proc</c>); null
/// elsewhere.
/// </summary>
internal sealed record CpuReading(double Server, double Database, double Driver)
{
    // USER_HZ, the unit of /proc/<pid>/stat's times: 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    public static readonly CpuReading Zero = new(0, 0, 0);

    public static CpuReading? Take(int? serverProcessId)
    {
        if (!File.Exists("/proc/self/stat"))
            return null;
        var server = serverProcessId is { } pid ? SecondsOf($"/proc/{pid}/stat").Seconds : 0;
        var database = Directory.EnumerateDirectories("/proc")
            .Where(d => char.IsAsciiDigit(Path.GetFileName(d)[0]))
            .Select(d => SecondsOf(Path.Combine(d, "stat")))
            .Where(p => p.Command == "postgres")
            .Sum(p => p.Seconds);
        using var driver = Process.GetCurrentProcess();
        return new CpuReading(server, database, driver.TotalProcessorTime.TotalSeconds);
    }

    public static CpuReading operator -(CpuReading after, CpuReading before) =>
        new(after.Server - before.Server, after.Database - before.Database, after.Driver - before.Driver);

    public static CpuReading operator +(CpuReading a, CpuReading b) => new(a.Server + b.Server, a.Database + b.Database, a.Driver + b.Driver);

    /// <summary>Milliseconds per operation, and the throughput the machine's cores would give if nothing else ran.</summary>
    public string PerOperation(int operations, bool hasServer)
    {
        var (server, database, driver) = (Server * 1000 / operations, Database * 1000 / operations, Driver * 1000 / operations);
        var ceiling = Environment.ProcessorCount * 1000 / (server + database + driver);
        return string.Create(CultureInfo.InvariantCulture,
            $"{(hasServer ? $"server {server:F2} ms + " : "")}PostgreSQL {database:F2} ms + load driver {driver:F2} ms = {server + database + driver:F2} ms, so ≤ {ceiling:N0}/s on {Environment.ProcessorCount} cores");
    }

    public double TotalPerOperation(int operations) => (Server + Database + Driver) * 1000 / operations;

    private static (string Command, double Seconds) SecondsOf(string statPath)
    {
        string stat;
        try
        {
            stat = File.ReadAllText(statPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ("", 0); // the process ended between listing and reading
        }

        // "pid (comm) state ppid …": comm may hold spaces or parentheses, so fields are counted after its last ')'.
        var open = stat.IndexOf('(', StringComparison.Ordinal);
        var close = stat.LastIndexOf(')');
        var fields = stat[(close + 2)..].Split(' ');
        // utime and stime, plus cutime and cstime: a backend that exits takes its CPU time out of the sum, and the
        // postmaster that reaps it gets it back in its children's times, so the sum over PostgreSQL stays cumulative.
        var ticks = fields.Skip(11).Take(4).Sum(field => long.Parse(field, CultureInfo.InvariantCulture));
        return (stat[(open + 1)..close], ticks / TicksPerSecond);
    }
}
