using System.Diagnostics;

namespace MonBureau.Bench.Harness;

/// <summary>Operations per second over the whole run and latency percentiles of single operations.</summary>
internal sealed record LoadResult(double PerSecond, double P50, double P99, int Count)
{
    /// <summary>
    /// <paramref name="clients"/> concurrent loops, each calling <paramref name="operation"/> (client index, iteration)
    /// <paramref name="perClient"/> times; every call is timed.
    /// </summary>
    public static async Task<LoadResult> MeasureAsync(int clients, int perClient, Func<int, int, Task> operation)
    {
        var latencies = new List<double>(clients * perClient);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var mine = new List<double>(perClient);
            for (var i = 0; i < perClient; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await operation(client, i);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            lock (latencies)
                latencies.AddRange(mine);
        }));
        var seconds = watch.Elapsed.TotalSeconds;
        latencies.Sort();
        return new LoadResult(latencies.Count / seconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies.Count);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];
}
