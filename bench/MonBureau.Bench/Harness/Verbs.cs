namespace MonBureau.Bench.Harness;

/// <summary>Every verb, in the order <c>all</c> runs them. A new verb is one line here.</summary>
internal static class Verbs
{
    public static readonly IReadOnlyList<IBenchVerb> All =
    [
        new StartupBenchmark(),
        new AccessLogBenchmark(),
        new MutationBenchmark(),
        new HomeBenchmark(),
        new AuditQueryBenchmark(),
        new IndicatorRebuildBenchmark(),
        new GenerateYearBenchmark(),
    ];
}
