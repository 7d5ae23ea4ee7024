using System.Diagnostics;
using Marten;
using MonBureau.Application;
using MonBureau.Application.Auditing;
using MonBureau.Application.Identity;
using MonBureau.Application.Importing;
using MonBureau.Application.Privacy;
using MonBureau.Domain.People;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MonBureau.Host.Observability;
using MonBureau.Host.Seeding;
using Wolverine;

namespace MonBureau.Host.Cli;

/// <summary>
/// Verbs for operators on the server itself, through the same commands as the API, acting as named system jobs.
/// Each answers <c>--help</c>; a wrong call prints the verb's usage and exits 2, a failure exits 1.
/// </summary>
public static class OperatorCommands
{
    private sealed record Verb(string Name, string Usage, string Summary, Func<string[], bool> Accepts, Func<IServiceProvider, string[], Task<int>> RunAsync);

    private static readonly Verb[] Verbs =
    [
        new("import-roster", "import-roster UAI FILE", "Imports students, guardians and classes from a SIECLE-like export (docs/import-formats.md); only the differences, all at once or not at all.",
            a => a.Length == 3, (s, a) => ImportAsync(s, a[0], a[1], a[2])),
        new("import-schedule", "import-schedule UAI FILE", "Imports teachers, their teaching and the timetable from an STS/EDT-like export.",
            a => a.Length == 3, (s, a) => ImportAsync(s, a[0], a[1], a[2])),
        new("region-admin", "region-admin GIVEN_NAME FAMILY_NAME", "Registers a region administrator and prints their login and activation code.",
            a => a.Length == 3, (s, a) => RegionAdministratorAsync(s.GetRequiredService<IMessageBus>(), a[1], a[2])),
        new("verify-access-history", "verify-access-history", "Recomputes the access history's hash chain; exits 1 and names the first broken batch if it was tampered with.",
            a => a.Length == 1, (s, _) => VerifyAsync(s.GetRequiredService<AccessChainVerifier>())),
        new("verify-event-log", "verify-event-log", "Seals the event log up to now and recomputes its hash chain; prints the head link hash to keep outside the database, or exits 1 naming the first broken batch.",
            a => a.Length == 1, (s, _) => VerifyEventLogAsync(s.GetRequiredService<EventChainVerifier>())),
        new("export-personal-data", "export-personal-data SUBJECT_ID [FILE]", "Writes everything held about a person (right of access, RGPD art. 15) as JSON to FILE or stdout (its summary then on stderr); recorded in the access history.",
            a => a.Length is 2 or 3 && Guid.TryParse(a[1], out _), (s, a) => PersonalDataExportCommand.RunAsync(s, Guid.Parse(a[1]), a.ElementAtOrDefault(2))),
        new("retention-purge", "retention-purge [--dry-run]", "Erases what is past retention, per category and establishment (docs/rgpd.md); --dry-run only counts.",
            a => a.Length == 1 || (a.Length == 2 && a[1] == "--dry-run"), (s, a) => PurgeAsync(s.GetRequiredService<IMessageBus>(), dryRun: a.Length == 2)),
        new("rebuild-indicators", "rebuild-indicators", "Replays the event log into the indicators, with progress (docs/indicators.md).",
            a => a.Length == 1, (s, _) => RebuildIndicatorsCommand.RunAsync(s.GetRequiredService<IDocumentStore>())),
        new("rebuild-projections", RebuildProjectionsCommand.Usage, "Replays the event log into the named read models (or all); --list names them. Stop the application first: a rebuild empties the read model before replaying.",
            RebuildProjectionsCommand.Accepts, (s, a) => RebuildProjectionsCommand.RunAsync(s.GetRequiredService<IDocumentStore>(), a)),
        new("seed-demo", "seed-demo TOKEN_FILE", "Seeds the demo establishment (UAI 0679999Z, eight weeks of activity) unless it exists, then writes a 12-hour access token per demo profile to TOKEN_FILE (activation codes next to it).",
            a => a.Length == 2, (s, a) => SeedDemoAsync(s, a[1])),
        new("status", "status", "Shows the database, the asynchronous projections' lag and the durable messages waiting; exits 1 when not ready.",
            a => a.Length == 1, (s, _) => StatusAsync(s)),
        new("generate", GenerateCommand.Usage, "Generates lycées with a school year of activity through the real commands, for tests and benchmarks (docs/benchmarks.md).",
            a => GenerateCommand.Parse(a) is not null, (s, a) => GenerateCommand.RunAsync(s, GenerateCommand.Parse(a)!)),
    ];

    private static readonly string[] HelpFlags = ["--help", "-h"];

    public static bool Handles(string[] args) => args.Length > 0 && (args[0] == "help" || Verbs.Any(v => v.Name == args[0]));

    /// <summary>Help and wrong calls are answered before anything starts (no database needed); null when the verb should run.</summary>
    public static int? AnswerWithoutHost(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var verb = Verbs.FirstOrDefault(v => v.Name == args[0]);
        if (verb is null)
        {
            Console.WriteLine("Operator verbs (dotnet MonBureau.Host.dll VERB --help for one):");
            foreach (var v in Verbs)
                Console.WriteLine($"  {v.Usage}\n      {v.Summary}");
            return 0;
        }

        if (args.Skip(1).Any(HelpFlags.Contains))
        {
            Console.WriteLine($"usage: {verb.Usage}\n{verb.Summary}");
            return 0;
        }

        if (!verb.Accepts(args))
        {
            Console.Error.WriteLine($"usage: {verb.Usage}");
            return 2;
        }

        return null;
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        var verb = Verbs.First(v => v.Name == args[0]);
        await app.StartAsync();
        try
        {
            using var scope = app.Services.CreateScope();
            using var acting = ActingContext.Begin(Actor.SystemJob($"cli-{args[0]}"), Guid.CreateVersion7().ToString());
            return await verb.RunAsync(scope.ServiceProvider, args);
        }
        catch (Domain.Common.BusinessRuleException e)
        {
            await Console.Error.WriteLineAsync($"{e.Code}: {e.Message}");
            return 1;
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static async Task<int> SeedDemoAsync(IServiceProvider services, string tokenFile)
    {
        var seeded = await DemoSeeding.EnsureAsync(services, tokenFile, services.GetRequiredService<ILoggerFactory>().CreateLogger("MonBureau.SeedDemo"), CancellationToken.None);
        Console.WriteLine(seeded
            ? $"Seeded the demo establishment {DemoEstablishment.Uai}; access tokens in {tokenFile}."
            : $"The demo establishment {DemoEstablishment.Uai} was there already; fresh access tokens in {tokenFile}.");
        return 0;
    }

    private static async Task<int> StatusAsync(IServiceProvider services)
    {
        var checks = new IHealthCheck[]
        {
            ActivatorUtilities.CreateInstance<DatabaseHealthCheck>(services),
            ActivatorUtilities.CreateInstance<BackgroundWorkHealthCheck>(services),
        };
        var ready = true;
        foreach (var check in checks)
        {
            var result = await check.CheckHealthAsync(new HealthCheckContext());
            ready &= result.Status == HealthStatus.Healthy;
            Console.WriteLine($"{result.Status}: {result.Description}");
            foreach (var (key, value) in result.Data)
                Console.WriteLine($"  {key}: {value}");
        }

        return ready ? 0 : 1;
    }

    private static async Task<int> PurgeAsync(IMessageBus bus, bool dryRun)
    {
        var report = await bus.RunAsync<PurgeReport>(new RunRetentionPurge(dryRun), CancellationToken.None);
        foreach (var (category, count) in report.Due)
        {
            Console.WriteLine($"{category}: {count} {(dryRun ? "due (dry run, nothing erased)" : "erased")}");
            foreach (var line in report.ByEstablishment.Where(c => c.Category == category))
                Console.WriteLine($"  {(line.EstablishmentId is { } id ? $"{line.Uai} ({id})" : "region-wide")}: {line.Count}");
        }
        return 0;
    }

    private static async Task<int> VerifyAsync(AccessChainVerifier verifier)
    {
        var result = await verifier.VerifyAsync(CancellationToken.None);
        Console.WriteLine(result.Intact
            ? $"Access history intact: {result.BatchesChecked} batches, {result.RowsChecked} records."
            : $"BROKEN at batch {result.FirstBrokenBatch}: {result.Problem}");
        return result.Intact ? 0 : 1;
    }

    private static async Task<int> VerifyEventLogAsync(EventChainVerifier verifier)
    {
        var result = await verifier.VerifyAsync(CancellationToken.None);
        Console.WriteLine(result.Intact
            ? $"Event log intact: {result.BatchesChecked} batches, {result.EventsChecked} events. Head link {result.HeadLinkHash ?? "(nothing sealed yet)"}: keep it outside the database."
            : $"BROKEN at batch {result.FirstBrokenBatch} (events {result.FirstSequence}–{result.LastSequence}): {result.Problem}");
        return result.Intact ? 0 : 1;
    }

    private static async Task<int> RegionAdministratorAsync(IMessageBus bus, string givenName, string familyName)
    {
        var id = await bus.RunAsync<Guid>(new RegisterRegionAdministrator(givenName, familyName), CancellationToken.None);
        var account = await bus.RunAsync<AccountCodeIssued>(new OpenAccount(id), CancellationToken.None);
        Console.WriteLine($"Region administrator {givenName} {familyName}: login {account.Login}, activation code {account.ActivationCode} (valid until {account.ExpiresAt:yyyy-MM-dd}).");
        return 0;
    }

    private static async Task<int> ImportAsync(IServiceProvider services, string verb, string uai, string path)
    {
        var bus = services.GetRequiredService<IMessageBus>();
        await using var session = services.GetRequiredService<IDocumentStore>().QuerySession();
        if (await session.LoadAsync<UniqueClaim>(UniqueClaim.ForUai(uai.Trim().ToUpperInvariant())) is not { } establishment)
        {
            await Console.Error.WriteLineAsync($"No establishment with UAI {uai}.");
            return 1;
        }

        var csv = await File.ReadAllTextAsync(path);
        Console.WriteLine($"{Path.GetFileName(path)}: {csv.Count(c => c == '\n')} lines, {csv.Length / 1024} KiB; importing into {uai}…");
        var watch = Stopwatch.StartNew();
        object report = verb == "import-roster"
            ? await bus.RunAsync<ImportReport>(new ImportStudentRoster(establishment.OwnerId, csv), CancellationToken.None)
            : await bus.RunAsync<ScheduleImportReport>(new ImportTeachingSchedule(establishment.OwnerId, csv), CancellationToken.None);
        Console.WriteLine($"\nCommitted in {watch.Elapsed.TotalSeconds:F1} s.");
        Print(report);
        return 0;
    }

    private static void Print(object report)
    {
        var (summary, rejected, reviews) = report switch
        {
            ImportReport r => ($"classes +{r.ClassesCreated}, students +{r.StudentsEnrolled} moved {r.StudentsMoved} left {r.StudentsLeft}, guardians +{r.GuardiansAdded} rights {r.GuardianRightsChanged} ended {r.GuardianshipsEnded}", r.Rejected, r.NeedsReview),
            ScheduleImportReport r => ($"teachers +{r.TeachersRegistered}, groups +{r.GroupsCreated}, teachings +{r.TeachingsAssigned} -{r.TeachingsWithdrawn}, slots +{r.SlotsScheduled} -{r.SlotsCancelled}", r.Rejected, r.NeedsReview),
            _ => throw new ArgumentException("Unknown report.", nameof(report)),
        };
        Console.WriteLine(summary);
        foreach (var line in rejected)
            Console.WriteLine($"  rejected, line {line.LineNumber}: {line.Reason}");
        foreach (var line in reviews)
            Console.WriteLine($"  to review, line {line.LineNumber}: {line.Reason}");
    }
}
