using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using MonBureau.Bench.Harness;
using MonBureau.Host.Database;
using MonBureau.Host.Identity;
using Npgsql;

namespace MonBureau.Bench;

/// <summary>
/// Home pages (student, guardian, teacher) over real HTTP at 64 concurrent clients, each signed in as a different
/// person of an establishment seeded through the GraphQL API. Measured side by side in the same run, same clients and
/// tokens: the application; a bare ASP.NET Core endpoint answering the same JSON from one SQL query (baseline); and the
/// application with an access log that records nothing (the cost of access recording). Also the host's peak resident
/// memory during the home-page load.
/// </summary>
internal sealed class HomeBenchmark : IBenchVerb
{
    private const int Clients = 64;
    private const int Rounds = 4;

    private sealed record Page(string Name, string Query, Func<SeededSchool, IReadOnlyList<SeededPerson>> People);

    private static readonly Page[] Pages =
    [
        new("studentHome", "{ studentHome { banner { title } today { events { title } lessons { startsAt } } workDue { title dueAt } recentFeedback { homeworkId latestFeedback { comment } } recentResources { title } unreadMessages unreadNotifications } }", s => s.Students),
        new("guardianHome", "{ guardianHome { banner { title } today { events { title } lessons { startsAt } } children { student { givenName } workDue { title dueAt } recentFeedback { homeworkId } recentAbsences { recordedAt justified } } recentResources { title } unreadMessages unreadNotifications } }", s => s.Guardians),
        new("teacherHome", "{ teacherHome { banner { title } today { lessons { startsAt } events { title } } awaitingFeedback { id submittedAt } unreadMessages unreadNotifications } }", s => s.Teachers),
    ];

    /// <summary>The application's floor: authentication, GraphQL parsing, validation and execution, no SQL.</summary>
    private static readonly Page Floor = new("__typename", "{ __typename }", s => s.Students);

    public string Name => "home";

    public string Summary => "home pages at 64 clients vs a bare endpoint, with and without access recording; peak RSS of the host";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchSize size, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        await using var database = await DatabaseSelection.ResolveAsync(configuration, NullLogger.Instance, null, cancellationToken);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var keys = HostKeys.Random();
        var requests = size.RequestsPerClient;

        await using var host = await HostUnderTest.StartAsync(HostKind.Application, database.ConnectionString, keys);
        var seedStarted = DateTime.UtcNow;
        var school = await SchoolSeed.RunAsync(new Api(host.Http, AccessTokens.FromBase64Key(keys.TokenKey)), size.Classes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"home: seeded {size.Classes} classes × {SchoolSeed.StudentsPerClass} students with guardians, teachers and their activity in {(DateTime.UtcNow - seedStarted).TotalSeconds:F0} s"));
        await CaptureAsync(host.Http, dataSource, school);
        await using var bareHost = await HostUnderTest.StartAsync(HostKind.BareEndpoint, database.ConnectionString, keys);
        await using var notRecordingHost = await HostUnderTest.StartAsync(HostKind.ApplicationWithoutAccessRecording, database.ConnectionString, keys);
        await WarmUpAsync(host.Http, "/graphql", school, requests);
        await WarmUpAsync(bareHost.Http, null, school, requests);
        await WarmUpAsync(notRecordingHost.Http, "/graphql", school, requests);

        // The three servers take turns, page by page and round by round, so the machine's load weighs on them alike.
        host.ResetPeakMemory();
        bareHost.ResetPeakMemory();
        var withRecording = new Dictionary<string, LoadResult>();
        var bare = new Dictionary<string, LoadResult>();
        var withoutRecording = new Dictionary<string, LoadResult>();
        foreach (var page in Pages)
        {
            var results = await LoadResult.SideBySideAsync(Rounds, Clients, requests,
            [
                new Contender(Client(host.Http, "/graphql", page, school), host.ProcessId),
                new Contender(Client(bareHost.Http, BareHomeEndpoint.PathFor(page.Name), page, school), bareHost.ProcessId),
                new Contender(Client(notRecordingHost.Http, "/graphql", page, school), notRecordingHost.ProcessId),
            ]);
            (withRecording[page.Name], bare[page.Name], withoutRecording[page.Name]) = (results[0], results[1], results[2]);
        }

        var peakMegabytes = host.PeakMemoryMegabytes();
        var barePeakMegabytes = bareHost.PeakMemoryMegabytes();
        var floor = (await LoadResult.SideBySideAsync(Rounds, Clients, requests, [new Contender(Client(host.Http, "/graphql", Floor, school), host.ProcessId)]))[0];

        var rows = new List<BenchRow>();
        foreach (var page in Pages)
        {
            var app = withRecording[page.Name];
            var ratio = app.PerSecond / bare[page.Name].PerSecond;
            rows.Add(new BenchRow($"`{page.Name}`, {Clients} clients × {requests}", BenchRow.Load(app), "bare endpoint: " + BenchRow.Load(bare[page.Name]), ratio,
                "≥ 2,000 req/s, p99 ≤ 50 ms, ≥ 0.50", app.PerSecond >= 2_000 && app.P99 <= 50 && ratio >= 0.5));
        }

        foreach (var page in Pages)
        {
            var ratio = withRecording[page.Name].PerSecond / withoutRecording[page.Name].PerSecond;
            rows.Add(new BenchRow($"`{page.Name}` with access recording", BenchRow.Load(withRecording[page.Name]), "without: " + BenchRow.Load(withoutRecording[page.Name]), ratio,
                "recording costs ≤ 10 % (≥ 0.90)", ratio >= 0.9));
        }

        foreach (var page in Pages)
            rows.Add(BenchRow.CpuPerOperation($"`{page.Name}`", withRecording[page.Name], "bare endpoint", bare[page.Name]));
        foreach (var page in Pages)
            rows.Add(BenchRow.CpuPerOperation($"`{page.Name}` with access recording", withRecording[page.Name], "without", withoutRecording[page.Name]));
        rows.Add(BenchRow.CpuPerOperation("`{ __typename }`", floor, "bare endpoint (`studentHome`)", bare[Pages[0].Name]));

        var bareStudent = bare[Pages[0].Name];
        rows.Add(new BenchRow("the application's floor: `{ __typename }` (HTTP, token, GraphQL parse, validation, execution; no SQL)", BenchRow.Load(floor),
            "bare endpoint (`studentHome`): " + BenchRow.Load(bareStudent), floor.PerSecond / bareStudent.PerSecond, "", null));
        rows.Add(new BenchRow("peak RSS of the host process during the home-page load", Megabytes(peakMegabytes), "bare endpoint process: " + Megabytes(barePeakMegabytes),
            peakMegabytes / barePeakMegabytes, "≤ 400 MB", peakMegabytes is { } mb ? mb <= 400 : null));
        return rows;
    }

    private static string Megabytes(double? value) => value is { } mb ? BenchRow.Number(mb) + " MB" : "n/a";

    /// <summary>The bare endpoint's copy of every page: the application's own response body for that person.</summary>
    private static async Task CaptureAsync(HttpClient http, NpgsqlDataSource dataSource, SeededSchool school)
    {
        await BareHomeEndpoint.CreateTableAsync(dataSource);
        foreach (var page in Pages)
        {
            var people = page.People(school);
            await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (person, _) =>
                await BareHomeEndpoint.StoreAsync(dataSource, person.Id, page.Name, await Api.PostRawAsync(http, "/graphql", person.Token, page.Query, null)));
        }
    }

    /// <summary>
    /// A whole pass of every page: the application host has already served the seeding, so a server warmed by less
    /// would run on less optimised code (tiered JIT) and look slower than it is. At <c>tiny</c> size (CI) that is two
    /// calls per client, too few for that, and its figures are not read.
    /// </summary>
    private static async Task WarmUpAsync(HttpClient http, string? path, SeededSchool school, int requests)
    {
        foreach (var page in Pages)
            await LoadResult.MeasureAsync(Clients, requests, Client(http, path ?? BareHomeEndpoint.PathFor(page.Name), page, school));
    }

    /// <summary>Each client signs in as the next person and asks for their page again and again.</summary>
    private static Func<int, int, Task> Client(HttpClient http, string path, Page page, SeededSchool school)
    {
        var people = page.People(school);
        return (client, i) => Api.PostRawAsync(http, path, people[(client + i * Clients) % people.Count].Token, page.Query, null);
    }
}
