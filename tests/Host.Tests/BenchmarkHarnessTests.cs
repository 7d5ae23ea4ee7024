using System.Diagnostics;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>
/// The benchmark harness (bench/MonBureau.Bench, docs/benchmarks.md) runs once at its tiny size, so it cannot rot
/// unnoticed. Nothing about speed is asserted: CI machines are shared, and the figures only mean something next to
/// their baselines on a quiet machine.
/// </summary>
public class BenchmarkHarnessTests
{
    [Fact]
    public async Task Every_benchmark_verb_runs_at_the_tiny_size_and_the_results_table_names_each_of_them()
    {
        // The bench is built with the solution, in the configuration these tests were built in (bin/<configuration>/<tfm>).
        var testBinaries = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var bench = Path.Combine(Repository.Root, "bench", "MonBureau.Bench", "bin", testBinaries.Parent!.Name, testBinaries.Name, "MonBureau.Bench.dll");
        var results = Path.Combine(Path.GetTempPath(), $"bench-tiny-{Guid.NewGuid():N}.md");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { bench, "all", "--size", "tiny", "--out", results })
            info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, $"the bench exited with {process.ExitCode}:\n{await output}\n{await errors}");
        var table = await File.ReadAllTextAsync(results);
        File.Delete(results);
        foreach (var verb in new[] { "startup", "access-log", "mutations", "home", "audit-query", "indicators-rebuild", "generate-year" })
            Assert.Contains($"| {verb} |", table, StringComparison.Ordinal);
        // The load-independent figure that explains the misses: CPU per operation, split by process (Linux /proc).
        if (OperatingSystem.IsLinux())
        {
            Assert.Contains("| CPU time per `recordLateness` (lower is better) | server ", table, StringComparison.Ordinal);
            Assert.Contains("| CPU time per `studentHome` (lower is better) | server ", table, StringComparison.Ordinal);
        }
    }
}
