using System.Globalization;

namespace MonBureau.Bench.Harness;

/// <summary>
/// One figure of the results table: its value and the baseline measured in the same run (formatted by the verb, which
/// knows the unit), the ratio the verb defines (higher is better unless the figure says otherwise), the target and
/// whether it is met (null when the figure has no target).
/// </summary>
internal sealed record BenchRow(string Figure, string Value, string Baseline, double? Ratio, string Target, bool? Met)
{
    public static string Number(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>A throughput with its latency percentiles, as every load figure is shown.</summary>
    public static string Load(LoadResult result, string unit = "req/s") =>
        string.Create(CultureInfo.InvariantCulture, $"{result.PerSecond:N0} {unit}, p50 {result.P50:F1} ms, p99 {result.P99:F1} ms")
        + (result.Errors > 0 ? string.Create(CultureInfo.InvariantCulture, $", **{result.Errors} of {result.Count} failed**") : "");

    /// <summary>
    /// What one operation costs in CPU, split by process, next to the baseline's: the measured bound on throughput,
    /// whatever the machine's load did to the rates (a saturated machine serves at most its cores' time divided by it).
    /// </summary>
    public static BenchRow CpuPerOperation(string operation, LoadResult measured, string baselineName, LoadResult baseline) =>
        measured.Cpu is { } cpu && baseline.Cpu is { } baselineCpu
            ? new BenchRow($"CPU time per {operation} (lower is better)", cpu.PerOperation(measured.Count, hasServer: true),
                $"{baselineName}: {baselineCpu.PerOperation(baseline.Count, hasServer: baselineCpu.Server > 0)}",
                cpu.TotalPerOperation(measured.Count) / baselineCpu.TotalPerOperation(baseline.Count), "", null)
            : new BenchRow($"CPU time per {operation}", "n/a (no /proc)", "", null, "", null);
}
