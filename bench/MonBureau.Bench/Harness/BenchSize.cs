namespace MonBureau.Bench.Harness;

/// <summary>
/// How much each verb seeds and measures. <c>tiny</c> only proves the harness runs (CI); <c>college</c> is ten classes;
/// <c>lycee</c> is the reference lycée: 50 classes of 28 students, ten million access records, and the
/// generator's whole school year of the default lycée (1,500 students, 36 weeks).
/// </summary>
internal sealed record BenchSize(
    string Name,
    int Classes,
    int RequestsPerClient,
    int MutationsPerClient,
    long AccessRecords,
    int StartupRuns,
    int RebuildWeeks,
    int AccessLogRequests,
    int YearStudents,
    int YearWeeks)
{
    public static readonly BenchSize Tiny = new("tiny", Classes: 1, RequestsPerClient: 2, MutationsPerClient: 2, AccessRecords: 20_000, StartupRuns: 1, RebuildWeeks: 2, AccessLogRequests: 5, YearStudents: 8, YearWeeks: 1);
    public static readonly BenchSize College = new("college", Classes: 10, RequestsPerClient: 20, MutationsPerClient: 30, AccessRecords: 1_000_000, StartupRuns: 3, RebuildWeeks: 20, AccessLogRequests: 100, YearStudents: 300, YearWeeks: 4);
    public static readonly BenchSize Lycee = new("lycee", Classes: 50, RequestsPerClient: 30, MutationsPerClient: 60, AccessRecords: 10_000_000, StartupRuns: 5, RebuildWeeks: 36, AccessLogRequests: 200, YearStudents: 1_500, YearWeeks: 36);

    public static readonly IReadOnlyList<BenchSize> All = [Tiny, College, Lycee];

    public static BenchSize Parse(string name) =>
        All.FirstOrDefault(s => s.Name == name) ?? throw new ArgumentException($"unknown size '{name}' (tiny, college or lycee)");
}
