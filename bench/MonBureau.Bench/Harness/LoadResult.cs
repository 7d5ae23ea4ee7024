using System.Diagnostics;

namespace MonBureau.Bench.Harness;

/// <summary>Operations per second over the measured time and latency percentiles of single operations.</summary>
internal sealed record LoadResult(double PerSecond, double P50, double P99, int Count)
{
    /// <summary>
    /// <paramref name="clients"/> concurrent loops, each calling <paramref name="operation"/> (client index, iteration)
    /// <paramref name="perClient"/> times; every call is timed.
    /// </summary>
    public static async Task<LoadResult> MeasureAsync(int clients, int perClient, Func<int, int, Task> operation) =>
        (await SideBySideAsync(1, clients, perClient, operation))[0];

    /// <summary>
    /// Contenders measured in alternating rounds (each runs its share of the calls, then the next one), so a change of
    /// the machine's load during the run weighs on all of them alike: on a shared machine, measuring one contender
    /// after the other compares two different machines.
    /// </summary>
    public static async Task<LoadResult[]> SideBySideAsync(int rounds, int clients, int perClient, params Func<int, int, Task>[] contenders)
    {
        rounds = Math.Clamp(rounds, 1, perClient);
        var latencies = contenders.Select(_ => new List<double>(clients * perClient)).ToArray();
        var seconds = new double[contenders.Length];
        for (var round = 0; round < rounds; round++)
        {
            var first = perClient * round / rounds;
            var count = perClient * (round + 1) / rounds - first;
            for (var c = 0; c < contenders.Length; c++)
                seconds[c] += await RunAsync(clients, first, count, contenders[c], latencies[c]);
        }

        return [.. latencies.Select((all, c) =>
        {
            all.Sort();
            return new LoadResult(all.Count / seconds[c], Percentile(all, 0.50), Percentile(all, 0.99), all.Count);
        })];
    }

    private static async Task<double> RunAsync(int clients, int first, int count, Func<int, int, Task> operation, List<double> latencies)
    {
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var mine = new List<double>(count);
            for (var i = first; i < first + count; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await operation(client, i);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            lock (latencies)
                latencies.AddRange(mine);
        }));
        return watch.Elapsed.TotalSeconds;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];
}
