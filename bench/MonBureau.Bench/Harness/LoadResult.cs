using System.Diagnostics;

namespace MonBureau.Bench.Harness;

/// <summary>
/// Operations per second over the measured time, latency percentiles of single operations, and how many failed (an
/// overloaded machine makes requests time out; they are counted and shown, not allowed to abort the whole run).
/// </summary>
internal sealed record LoadResult(double PerSecond, double P50, double P99, int Count, int Errors)
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
        var errors = new int[contenders.Length];
        for (var round = 0; round < rounds; round++)
        {
            var first = perClient * round / rounds;
            var count = perClient * (round + 1) / rounds - first;
            for (var c = 0; c < contenders.Length; c++)
            {
                var (elapsed, failed) = await RunAsync(clients, first, count, contenders[c], latencies[c]);
                seconds[c] += elapsed;
                errors[c] += failed;
            }
        }

        return [.. latencies.Select((all, c) =>
        {
            all.Sort();
            return new LoadResult((all.Count - errors[c]) / seconds[c], Percentile(all, 0.50), Percentile(all, 0.99), all.Count, errors[c]);
        })];
    }

    private static async Task<(double Seconds, int Errors)> RunAsync(int clients, int first, int count, Func<int, int, Task> operation, List<double> latencies)
    {
        var errors = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var mine = new List<double>(count);
            for (var i = first; i < first + count; i++)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await operation(client, i);
                }
                catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException or TimeoutException or Npgsql.NpgsqlException)
                {
                    Interlocked.Increment(ref errors);
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            lock (latencies)
                latencies.AddRange(mine);
        }));
        return (watch.Elapsed.TotalSeconds, errors);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];
}
