using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Auditing;
using MonBureau.Host.Privacy;
using MonBureau.Projections.People;

namespace MonBureau.Host.Cli;

/// <summary>
/// The right-of-access bundle from the command line, for an operator answering a request outside the API: the same
/// bundle as <c>exportPersonalData</c>, recorded in the access history first, as the operator's system job, in every
/// establishment where the person has a profile (so each establishment's privacy officer sees it).
/// </summary>
internal static class PersonalDataExportCommand
{
    public const string Operation = "cli export-personal-data (right of access, RGPD art. 15)";

    public static async Task<int> RunAsync(IServiceProvider services, Guid subjectId, string? file)
    {
        await using var session = services.GetRequiredService<IDocumentStore>().QuerySession();
        if (await session.LoadAsync<PersonDetails>(subjectId) is not { } person)
        {
            await Console.Error.WriteLineAsync($"No person {subjectId}.");
            return 1;
        }

        var actor = ActingContext.Current ?? throw new MissingActorException();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        Guid?[] establishments = person.Profiles.Select(p => (Guid?)p.EstablishmentId).Distinct().ToArray() is { Length: > 0 } known ? known : [null];
        await services.GetRequiredService<AccessLog>().RecordAsync([.. establishments.Select(establishment => new AccessRecord(
            actor.Id, actor.Role, establishment, subjectId, DataCategory.Identity, Operation, ActingContext.CorrelationId ?? "", now))]);
        await services.GetRequiredService<AccessLog>().RecordAsync(PersonalDataExporter.ChildrenConsulted(actor, person, establishments, Operation, now));

        var export = await PersonalDataExporter.ExportAsync(session, services.GetRequiredService<AccessHistory>(), person, CancellationToken.None);
        if (file is null)
        {
            Console.WriteLine(export.Json);
            await Console.Error.WriteLineAsync(export.Summary);
            return 0;
        }

        await File.WriteAllTextAsync(file, export.Json);
        Console.WriteLine($"{export.Summary}Written to {file}.");
        return 0;
    }
}
