using System.Diagnostics;
using Marten;
using MonBureau.Application;
using MonBureau.Application.Auditing;
using MonBureau.Application.Identity;
using MonBureau.Application.Importing;
using MonBureau.Application.Privacy;
using MonBureau.Domain.People;
using Wolverine;

namespace MonBureau.Host.Cli;

/// <summary>
/// Verbs for operators on the server itself, through the same commands as the API, acting as named system jobs:
/// <c>import-roster UAI FILE</c>, <c>import-schedule UAI FILE</c>, <c>region-admin GIVEN FAMILY</c>, <c>verify-access-history</c>,
/// <c>retention-purge [--dry-run]</c> (run daily by the operators' scheduler), <c>rebuild-indicators</c>, and
/// <c>generate</c> (test and benchmark data: see <see cref="GenerateCommand"/>).
/// </summary>
public static class OperatorCommands
{
    private static readonly string[] Verbs = ["import-roster", "import-schedule", "region-admin", "verify-access-history", "retention-purge", "rebuild-indicators", "generate"];

    public static bool Handles(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        var expected = args[0] switch { "verify-access-history" or "rebuild-indicators" => [1], "retention-purge" => [1, 2], _ => new[] { 3 } };
        var generation = args[0] == "generate" ? GenerateCommand.Parse(args) : null;
        if ((args[0] == "generate" && generation is null) || (args[0] != "generate" && !expected.Contains(args.Length))
            || (args[0] == "retention-purge" && args.Length == 2 && args[1] != "--dry-run"))
        {
            await Console.Error.WriteLineAsync(
                $"usage: import-roster UAI FILE | import-schedule UAI FILE | region-admin GIVEN_NAME FAMILY_NAME | verify-access-history | retention-purge [--dry-run] | rebuild-indicators | {GenerateCommand.Usage}");
            return 2;
        }

        await app.StartAsync();
        try
        {
            using var scope = app.Services.CreateScope();
            using var acting = ActingContext.Begin(Actor.SystemJob($"cli-{args[0]}"), Guid.CreateVersion7().ToString());
            var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
            return args[0] switch
            {
                "region-admin" => await RegionAdministratorAsync(bus, args[1], args[2]),
                "verify-access-history" => await VerifyAsync(scope.ServiceProvider.GetRequiredService<AccessChainVerifier>()),
                "retention-purge" => await PurgeAsync(bus, dryRun: args.Length == 2),
                "rebuild-indicators" => await RebuildIndicatorsCommand.RunAsync(scope.ServiceProvider.GetRequiredService<IDocumentStore>()),
                "generate" => await GenerateCommand.RunAsync(scope.ServiceProvider, generation!),
                _ => await ImportAsync(scope.ServiceProvider, bus, args[0], args[1], args[2]),
            };
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

    private static async Task<int> RegionAdministratorAsync(IMessageBus bus, string givenName, string familyName)
    {
        var id = await bus.RunAsync<Guid>(new RegisterRegionAdministrator(givenName, familyName), CancellationToken.None);
        var account = await bus.RunAsync<AccountCodeIssued>(new OpenAccount(id), CancellationToken.None);
        Console.WriteLine($"Region administrator {givenName} {familyName}: login {account.Login}, activation code {account.ActivationCode} (valid until {account.ExpiresAt:yyyy-MM-dd}).");
        return 0;
    }

    private static async Task<int> ImportAsync(IServiceProvider services, IMessageBus bus, string verb, string uai, string path)
    {
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
