using System.Globalization;
using System.Text;

namespace MonBureau.Bench.Harness;

/// <summary>The one results table: printed, and written as markdown to paste into docs/benchmarks.md.</summary>
internal static class ResultsTable
{
    public static string Markdown(BenchSize size, IEnumerable<(string Verb, BenchRow Row)> rows, TimeSpan elapsed, string loadBefore)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Size `{size.Name}`, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {elapsed.TotalMinutes:F1} min, load average before {loadBefore}, after {LoadAverage()}.");
        text.AppendLine();
        text.AppendLine("| verb | figure | value | baseline (same run) | ratio | target | met? |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var (verb, row) in rows)
        {
            var ratio = row.Ratio is { } r ? r.ToString("F2", CultureInfo.InvariantCulture) : "";
            var met = row.Met switch { true => "met", false => "**missed**", null => "" };
            text.AppendLine(CultureInfo.InvariantCulture, $"| {verb} | {row.Figure} | {row.Value} | {row.Baseline} | {ratio} | {row.Target} | {met} |");
        }

        return text.ToString();
    }

    /// <summary>The machine is shared: the load average says how much of it the run had.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
