using Marten;
using MonBureau.Application.Identity;
using MonBureau.Application.Privacy;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Importing;

namespace MonBureau.Application.Importing;

/// <summary>
/// Imports the student roster as one unit of work: parse (a malformed file stops here), plan the differences with
/// the pure planner, then append every event and bookkeeping document in one transaction — all or nothing.
/// </summary>
public static class ImportStudentRosterHandler
{
    public static async Task<ImportReport> Handle(
        ImportStudentRoster command, IDocumentSession session, LookupKeys keys, SubjectKeyRing subjectKeys, IImportProgress progress, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (establishment, year) = await ImportTarget.ResolveAsync(session, command.EstablishmentId, clock, cancellationToken);
        var parsed = StudentRosterCsv.Parse(command.Csv);
        progress.Report("parsed", parsed.Students.Count, parsed.Students.Count + parsed.Rejected.Count);
        var lines = parsed.Students.Select(l => (l, keys.ForIne(l.Ine))).ToList();
        var entries = (await session.Query<RosterEntry>().Where(e => e.EstablishmentId == establishment.Id).ToListAsync(cancellationToken))
            .ToDictionary(e => e.IneKey);
        var classes = (await session.Query<SchoolClass>().Where(c => c.EstablishmentId == establishment.Id).ToListAsync(cancellationToken))
            .Where(c => c.SchoolYear == year)
            .ToDictionary(c => c.Name, c => c.Id, StringComparer.OrdinalIgnoreCase);
        var identities = await GuardianIdentitiesAsync(session, keys, establishment.Id, lines.Select(l => l.Item1), cancellationToken);

        var plan = RosterPlanning.Plan(
            lines,
            [.. entries.Values.Select(e => new KnownStudent(e.IneKey, e.PersonId, e.ClassName, e.Guardians))],
            classes.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase),
            identities.ById);

        var writer = new RosterWriter(session, keys, establishment.Id, year, classes, entries, identities.Names);
        await subjectKeys.PrepareAsync(writer.AllocateNewPeople(plan.Steps), cancellationToken);
        progress.Report("planned", plan.Steps.Count, plan.Steps.Count);
        var report = await writer.WriteAsync(plan.Steps, progress, clock.GetUtcNow(), cancellationToken);
        return report with { Rejected = parsed.Rejected, NeedsReview = plan.Reviews };
    }

    private static async Task<(Dictionary<string, IdentityMatch> ById, Dictionary<string, NameIndex> Names)> GuardianIdentitiesAsync(
        IDocumentSession session, LookupKeys keys, Guid establishmentId, IEnumerable<StudentLine> lines, CancellationToken cancellationToken)
    {
        var guardians = lines.SelectMany(l => l.Guardians).DistinctBy(g => g.Key).ToList();
        var known = (await session.LoadManyAsync<GuardianKey>(cancellationToken, guardians.Select(g => GuardianKey.IdFor(establishmentId, g.Key))))
            .ToDictionary(k => k.Id, k => k.PersonId);
        var unknown = guardians.Where(g => !known.ContainsKey(GuardianKey.IdFor(establishmentId, g.Key))).ToList();
        var names = (await session.LoadManyAsync<NameIndex>(cancellationToken, unknown.Select(g => keys.ForName(g.FamilyName, g.GivenName)).Distinct()))
            .ToDictionary(n => n.Id);

        var identities = new Dictionary<string, IdentityMatch>();
        foreach (var guardian in guardians)
        {
            identities[guardian.Key] = known.TryGetValue(GuardianKey.IdFor(establishmentId, guardian.Key), out var personId)
                ? new IdentityMatch.Known(personId)
                : names.TryGetValue(keys.ForName(guardian.FamilyName, guardian.GivenName), out var homonyms) && homonyms.PersonIds.Count > 0
                    ? new IdentityMatch.Ambiguous(homonyms.PersonIds.Count)
                    : new IdentityMatch.Unknown();
        }

        return (identities, names);
    }
}
