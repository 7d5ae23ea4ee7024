using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using MonBureau.Bench.Harness;
using MonBureau.Host.Database;

namespace MonBureau.Bench;

/// <summary>
/// Time from process start to a served GraphQL query, next to a baseline measured in the same run: the same
/// executable answering `help` (runtime and assembly load, no host start). The ratio survives noisy machines.
/// </summary>
internal sealed class StartupBenchmark : IBenchVerb
{
    public string Name => "startup";

    public string Summary => "host start-up to the first served GraphQL query vs the same executable answering `help`";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchSize size, CancellationToken cancellationToken)
    {
        var runs = size.StartupRuns;
        var hostDll = Path.Combine(AppContext.BaseDirectory, "MonBureau.Host.dll");
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        await using var database = await DatabaseSelection.ResolveAsync(configuration, NullLogger.Instance, null, cancellationToken);
        var environment = new Dictionary<string, string>
        {
            ["MONBUREAU_DB"] = database.ConnectionString,
            ["MONBUREAU_MASTER_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["MONBUREAU_TOKEN_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["ASPNETCORE_ENVIRONMENT"] = "Benchmark",
        };

        var port = HostUnderTest.FreePort();
        await TimeReadyAsync(hostDll, environment, port: port); // first start creates the schema; not counted
        var baseline = new List<double>();
        var ready = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            baseline.Add(await TimeHelpAsync(hostDll, environment));
            ready.Add(await TimeReadyAsync(hostDll, environment, port: port));
        }

        var medianBaseline = Median(baseline);
        var medianReady = Median(ready);
        return
        [
            new BenchRow(string.Create(CultureInfo.InvariantCulture, $"host start to first served GraphQL query (median of {runs}; lower is better)"),
                BenchRow.Number(medianReady, "F2") + " s", "process start + `help`: " + BenchRow.Number(medianBaseline, "F2") + " s", medianReady / medianBaseline, "≤ 3 s", medianReady <= 3),
        ];
    }

    private static async Task<double> TimeHelpAsync(string hostDll, Dictionary<string, string> environment)
    {
        var watch = Stopwatch.StartNew();
        using var process = Start(hostDll, environment, "help");
        await process.WaitForExitAsync();
        return watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> TimeReadyAsync(string hostDll, Dictionary<string, string> environment, int port)
    {
        var watch = Stopwatch.StartNew();
        using var process = Start(hostDll, new Dictionary<string, string>(environment) { ["URLS"] = $"http://127.0.0.1:{port}" });
        try
        {
            await WaitReadyAsync(port);
            return watch.Elapsed.TotalSeconds;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Returns once the host on <paramref name="port"/> serves a GraphQL query; gives up after 3 minutes (a loaded CI machine).</summary>
    private static async Task WaitReadyAsync(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(3))
        {
            try
            {
                using var response = await http.PostAsJsonAsync($"http://127.0.0.1:{port}/graphql", new { query = "{ __typename }" });
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet, or still creating the schema on first start
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("The host did not become ready within 3 minutes.");
    }

    private static Process Start(string hostDll, Dictionary<string, string> environment, params string[] arguments) =>
        ChildProcess.Start("dotnet", [hostDll, .. arguments], environment).Process;

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
