using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using MonBureau.Application.Auditing;
using MonBureau.Host.Identity;

namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>The keys a host process runs with: a restarted process must use the same ones to read what the first wrote.</summary>
public sealed record HostKeys(string MasterKey, string TokenKey)
{
    public static HostKeys Random() =>
        new(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    public string TokenFor(Actor actor) => AccessTokens.FromBase64Key(TokenKey).Issue(actor);
}

/// <summary>
/// The built host run as a real process (<c>dotnet MonBureau.Host.dll</c>) on a given database, on the wall clock,
/// so a test can kill it as an operating system would.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private HostProcess(Process process, ConcurrentQueue<string> output, Uri address)
    {
        _process = process;
        _output = output;
        Address = address;
    }

    public Uri Address { get; }

    public string Output => string.Join('\n', _output);

    public static async Task<HostProcess> StartAsync(string database, HostKeys keys, IReadOnlyDictionary<string, string>? settings = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(HostDll)! };
        info.ArgumentList.Add(HostDll);
        info.Environment["Urls"] = address.ToString(); // overrides appsettings.json, as ASPNETCORE_URLS does not
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
        info.Environment["MONBUREAU_DB"] = database;
        info.Environment["MONBUREAU_MASTER_KEY"] = keys.MasterKey;
        info.Environment["MONBUREAU_TOKEN_KEY"] = keys.TokenKey;
        info.Environment["MonBureau__PasswordHashIterations"] = "1000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var output = new ConcurrentQueue<string>();
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the host.");
        process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, output, address);
        await host.WaitUntilServingAsync();
        return host;
    }

    /// <summary>Runs one operator verb to its end, on a database when one is given; the exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunVerbAsync(string? database, HostKeys keys, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(HostDll)! };
        info.ArgumentList.Add(HostDll);
        foreach (var argument in args)
            info.ArgumentList.Add(argument);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
        if (database is not null)
            info.Environment["MONBUREAU_DB"] = database;
        info.Environment["MONBUREAU_MASTER_KEY"] = keys.MasterKey;
        info.Environment["MONBUREAU_TOKEN_KEY"] = keys.TokenKey;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the host.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    public GraphQLClient Client(string? token = null) => new(new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) }, token);

    /// <summary>SIGKILL: no shutdown hook, no flush, no disposal runs.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The host exited ({_process.ExitCode}):\n{Output}");
            try
            {
                if ((await http.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The host did not answer /health within 60 s:\n{Output}");
    }

    /// <summary>The host built next to this test assembly, in the same configuration (Debug/Release).</summary>
    private static string HostDll
    {
        get
        {
            var tests = AppContext.BaseDirectory; // …/tests/Host.Tests/bin/<configuration>/<framework>/
            var framework = new DirectoryInfo(Path.TrimEndingDirectorySeparator(tests));
            var configuration = framework.Parent!;
            var root = configuration.Parent!.Parent!.Parent!.Parent!;
            return Path.Combine(root.FullName, "src", "Host", "bin", configuration.Name, framework.Name, "MonBureau.Host.dll");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
