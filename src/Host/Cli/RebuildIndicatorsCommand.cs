using System.Globalization;
using Marten;
using MonBureau.Application.Indicators;

namespace MonBureau.Host.Cli;

/// <summary><c>rebuild-indicators</c>: replays the event log into the indicator facts with a progress bar, then prints a summary.</summary>
internal static class RebuildIndicatorsCommand
{
    public static async Task<int> RunAsync(IDocumentStore store)
    {
        Console.WriteLine("Rebuilding the indicator facts from the event log (safe while the application runs)…");
        var summary = await IndicatorRebuild.RunAsync(store, new Progress(), CancellationToken.None);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Done in {summary.Elapsed.TotalSeconds:F1} s: {summary.LogEvents:N0} log events covered ({summary.EventsPerSecond:N0} events/s), {summary.EventsReplayed:N0} indicator events replayed, {summary.FactsWritten:N0} facts written, {summary.EventsWithoutFact:N0} without a fact."));
        return 0;
    }

    /// <summary>Writes synchronously, unlike <see cref="Progress{T}"/>, so the bar never lags behind or outlives the rebuild.</summary>
    private sealed class Progress : IProgress<RebuildProgress>
    {
        private const int Width = 30;

        public void Report(RebuildProgress value)
        {
            var filled = (int)Math.Round(value.Fraction * Width);
            var eta = value.Remaining is { } remaining ? remaining.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "--:--:--";
            Console.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r[{new string('#', filled)}{new string('.', Width - filled)}] {value.Fraction,4:P0} {value.Position:N0}/{value.HighWater:N0} events  {value.EventsPerSecond:N0} events/s  ETA {eta}  "));
        }
    }
}
