using System.Diagnostics;

namespace MonBureau.Bench.Harness;

/// <summary>
/// Operations per second over the measured time, latency percentiles of single operations, and how many failed (an
/// overloaded machine makes requests time out; they are counted and shown, not allowed to abort the whole run), and the
/// CPU its turns consumed (<see cref="CpuReading"/>; null off Linux).
/// </summary>
internal sealed record LoadResult(double PerSecond, double P50, double P99, int Count, int Errors, CpuReading? Cpu)
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
    public static Task<LoadResult[]> SideBySideAsync(int rounds, int clients, int perClient, params Func<int, int, Task>[] contenders) =>
        SideBySideAsync(rounds, clients, perClient, [.. contenders.Select(operation => new Contender(operation))]);

    /// <inheritdoc cref="SideBySideAsync(int, int, int, Func{int, int, Task}[])"/>
    public static async Task<LoadResult[]> SideBySideAsync(int rounds, int clients, int perClient, IReadOnlyList<Contender> contenders)
    {
        rounds = Math.Clamp(rounds, 1, perClient);
        var latencies = contenders.Select(_ => new List<double>(clients * perClient)).ToArray();
        var seconds = new double[contenders.Count];
        var errors = new int[contenders.Count];
        var cpu = new CpuReading?[contenders.Count];
        for (var round = 0; round < rounds; round++)
        {
            var first = perClient * round / rounds;
            var count = perClient * (round + 1) / rounds - first;
            for (var c = 0; c < contenders.Count; c++)
            {
                var before = CpuReading.Take(contenders[c].ServerProcessId);
                var (elapsed, failed) = await RunAsync(clients, first, count, contenders[c].Operation, latencies[c]);
                if (before is not null && CpuReading.Take(contenders[c].ServerProcessId) is { } after)
                    cpu[c] = (cpu[c] ?? CpuReading.Zero) + (after - before);
                seconds[c] += elapsed;
                errors[c] += failed;
            }
        }

        return [.. latencies.Select((all, c) =>
        {
            all.Sort();
            return new LoadResult((all.Count - errors[c]) / seconds[c], Percentile(all, 0.50), Percentile(all, 0.99), all.Count, errors[c], cpu[c]);
        })];
    }

    private static async Task<(double Seconds, int Errors)> RunAsync(int clients, int first, int count, Func<int, int, Task> operation, List<double> latencies)
    {
        var errors = 0;
        string? firstError = null;
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
                    if (Interlocked.Increment(ref errors) == 1)
                        firstError = e.Message;
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            lock (latencies)
                latencies.AddRange(mine);
        }));
        if (firstError is not null) // the figure counts failures; their cause goes under the table
            BenchNotes.Add($"{errors} of {clients * count} calls of a round failed; the first: {(firstError.Length > 400 ? firstError[..400] + "…" : firstError)}");
        return (watch.Elapsed.TotalSeconds, errors);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];
}
