using System.Diagnostics;
using MonBureau.Bench.Harness;

namespace MonBureau.Bench;

/// <summary>The bench's entry point (not top-level statements: the application's own <c>Program</c> is the type served by <see cref="ServeHost"/>).</summary>
internal static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        // Serve modes: this executable as the server under load, started by the bench itself (HostUnderTest).
        if (args is [ServeHost.Verb, ..])
            return await ServeHost.RunAsync(args);
        if (args is [BareHomeEndpoint.Verb, ..])
            return await BareHomeEndpoint.RunAsync();

        if (args.Length == 0 || (args[0] != "all" && Verbs.All.All(v => v.Name != args[0])))
            return Usage();

        BenchSize size;
        try
        {
            size = BenchSize.Parse(Option(args, "--size") ?? "college");
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return Usage();
        }

        var verbs = args[0] == "all" ? Verbs.All : Verbs.All.Where(v => v.Name == args[0]).ToList();
        var output = Option(args, "--out") ?? $"bench-results-{size.Name}.md";
        var loadBefore = ResultsTable.LoadAverage();
        var watch = Stopwatch.StartNew();
        var rows = new List<(string Verb, BenchRow Row)>();
        foreach (var verb in verbs)
        {
            Console.WriteLine($"== {verb.Name} ({size.Name}) ==");
            rows.AddRange((await verb.RunAsync(size, CancellationToken.None)).Select(row => (verb.Name, row)));
        }

        var markdown = ResultsTable.Markdown(size, rows, watch.Elapsed, loadBefore);
        var notes = BenchNotes.All;
        await File.WriteAllTextAsync(output, markdown + (notes.Count > 0 ? "\n" + string.Join("\n\n", notes) + "\n" : ""));
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine($"Written to {Path.GetFullPath(output)}.");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: dotnet run -c Release --project bench/MonBureau.Bench -- <verb> [--size tiny|college|lycee] [--out results.md]");
        Console.Error.WriteLine("  all  every verb below, one results table");
        foreach (var verb in Verbs.All)
            Console.Error.WriteLine($"  {verb.Name}  {verb.Summary}");
        return 2;
    }
}
