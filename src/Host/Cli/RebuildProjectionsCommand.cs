using System.Diagnostics;
using System.Globalization;
using Marten;

namespace MonBureau.Host.Cli;

/// <summary>
/// <c>rebuild-projections</c>: replays the event log into read models (after a fix to a projection, or to recover a
/// damaged table). A rebuild empties the read model first, so it is a maintenance operation: the application must be
/// stopped, or requests would see half-built records. The indicators have their own rebuild, safe while running.
/// </summary>
internal static class RebuildProjectionsCommand
{
    public const string Usage = "rebuild-projections --list | --all | NAME...";

    public static bool Accepts(string[] args) => args.Length >= 2 && (args[1..] is ["--list"] or ["--all"] || args[1..].All(a => !a.StartsWith('-')));

    public static async Task<int> RunAsync(IDocumentStore store, string[] args)
    {
        var known = ProjectionNames(store);
        if (args[1] == "--list")
        {
            foreach (var name in known)
                Console.WriteLine(name);
            return 0;
        }

        var chosen = args[1] == "--all" ? known : args[1..];
        var unknown = chosen.Where(n => !known.Contains(n, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            await Console.Error.WriteLineAsync($"Unknown projection(s): {string.Join(", ", unknown)}. `rebuild-projections --list` names them.");
            return 2;
        }

        using var daemon = await store.BuildProjectionDaemonAsync();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < chosen.Count; i++)
        {
            var watch = Stopwatch.StartNew();
            Console.Write(string.Create(CultureInfo.InvariantCulture, $"[{i + 1}/{chosen.Count}] {chosen[i]}… "));
            await daemon.RebuildProjectionAsync(chosen[i], TimeSpan.FromMinutes(10), CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rebuilt in {watch.Elapsed.TotalSeconds:F1} s"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Done: {chosen.Count} projection(s) rebuilt from the event log in {total.Elapsed.TotalSeconds:F1} s."));
        return 0;
    }

    private static IReadOnlyList<string> ProjectionNames(IDocumentStore store) =>
        [.. ((DocumentStore)store).Options.Projections.All.Select(p => p.Name).Order(StringComparer.Ordinal)];
}
