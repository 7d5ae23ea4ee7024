using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Net.Http.Json;
using System.Security.Cryptography;

namespace MonBureau.Bench.Harness;

/// <summary>What runs in the process under load.</summary>
internal enum HostKind
{
    /// <summary>The application, wired as in production (the bench's <c>serve-host</c> mode, <see cref="ServeHost"/>).</summary>
    Application,

    /// <summary>The same, with an access log that records nothing: the cost of access recording by difference.</summary>
    ApplicationWithoutAccessRecording,

    /// <summary>The bare ASP.NET Core baseline (<see cref="BareHomeEndpoint"/>).</summary>
    BareEndpoint,
}

/// <summary>Keys the host processes of one run share, so tokens issued by the bench are valid everywhere.</summary>
internal sealed record HostKeys(string MasterKey, string TokenKey)
{
    public static HostKeys Random() =>
        new(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
}

/// <summary>
/// A server in its own process (this bench's executable in a serve mode), so the load driver's memory and threads are
/// not counted with it, and its peak resident memory is read from /proc.
/// </summary>
internal sealed class HostUnderTest : IAsyncDisposable
{
    private readonly ChildProcess _child;

    private HostUnderTest(ChildProcess child, int port)
    {
        _child = child;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(120) };
    }

    public HttpClient Http { get; }

    public int ProcessId => _child.Process.Id;

    public static async Task<HostUnderTest> StartAsync(HostKind kind, string connectionString, HostKeys keys)
    {
        var port = FreePort();
        var environment = new Dictionary<string, string>
        {
            ["MONBUREAU_DB"] = connectionString,
            ["MONBUREAU_MASTER_KEY"] = keys.MasterKey,
            ["MONBUREAU_TOKEN_KEY"] = keys.TokenKey,
            ["ASPNETCORE_ENVIRONMENT"] = "Benchmark",
            ["BENCH_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            // A seed through the API on a machine shared with builds can exceed the 30 s request limit: a bench measures, it does not police.
            ["MonBureau__GraphQL__Timeout"] = "00:10:00",
            // Server GC, as the application runs in production (its Web SDK project sets System.GC.Server) and as any
            // ASP.NET Core endpoint would: this bench's own executable is a console app, workstation GC by default.
            ["DOTNET_gcServer"] = "1",
        };
        var mode = kind switch
        {
            HostKind.Application => [ServeHost.Verb],
            HostKind.ApplicationWithoutAccessRecording => [ServeHost.Verb, ServeHost.WithoutAccessRecording],
            _ => new[] { BareHomeEndpoint.Verb },
        };
        var child = ChildProcess.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "MonBureau.Bench.dll"), .. mode], environment,
            workingDirectory: AppContext.BaseDirectory); // where WebApplicationFactory finds the application's content root (MvcTestingAppManifest.json)
        var host = new HostUnderTest(child, port);
        await host.WaitReadyAsync(kind == HostKind.BareEndpoint ? "/ready" : "/graphql");
        return host;
    }

    /// <summary>A port free now, so runs (or CI and a developer) on one machine never collide.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Resets the peak resident set (Linux: <c>clear_refs</c> 5) so the next reading covers what follows only.</summary>
    public void ResetPeakMemory()
    {
        try
        {
            File.WriteAllText($"/proc/{_child.Process.Id}/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: the peak then covers the whole life of the process (said in the figure).
        }
    }

    /// <summary>Peak resident set size (VmHWM) in MB since start or the last reset; null where /proc is not there.</summary>
    public double? PeakMemoryMegabytes()
    {
        var status = $"/proc/{_child.Process.Id}/status";
        if (!File.Exists(status))
            return null;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    private async Task WaitReadyAsync(string path)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (_child.Process.HasExited)
                throw new InvalidOperationException($"The server exited with {_child.Process.ExitCode} before it was ready:\n{_child.LastLines}");
            try
            {
                using var response = await Http.PostAsJsonAsync(path, new { query = "{ __typename }" });
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The server did not become ready within 3 minutes:\n{_child.LastLines}");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        _child.Process.Kill(entireProcessTree: true);
        await _child.Process.WaitForExitAsync();
        _child.Process.Dispose();
    }
}
