namespace MonBureau.Bench.Harness;

/// <summary>Text a verb wants under the results table (a query plan, a breakdown): printed and written with it.</summary>
internal static class BenchNotes
{
    private static readonly List<string> Notes = [];

    public static IReadOnlyList<string> All
    {
        get
        {
            lock (Notes)
                return [.. Notes];
        }
    }

    public static void Add(string note)
    {
        lock (Notes)
            Notes.Add(note);
        Console.WriteLine(note);
    }
}
