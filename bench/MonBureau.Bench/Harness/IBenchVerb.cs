namespace MonBureau.Bench.Harness;

/// <summary>
/// One benchmark verb: it sets up what it measures (its own throwaway database), measures each figure next to a
/// baseline taken in the same run, and returns one row per figure. Verbs are listed once, in <see cref="Verbs"/>.
/// </summary>
internal interface IBenchVerb
{
    /// <summary>The command-line name, e.g. <c>home</c>.</summary>
    string Name { get; }

    /// <summary>One line for the usage text.</summary>
    string Summary { get; }

    Task<IReadOnlyList<BenchRow>> RunAsync(BenchSize size, CancellationToken cancellationToken);
}
