using Marten;
using MonBureau.Application.Identity;
using MonBureau.Application.Privacy;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.Importing;

namespace MonBureau.Application.Importing;

/// <summary>Imports teachers, their teaching and the timetable as one unit of work, applying only the differences.</summary>
public static class ImportTeachingScheduleHandler
{
    public static async Task<ScheduleImportReport> Handle(
        ImportTeachingSchedule command, IDocumentSession session, LookupKeys keys, SubjectKeyRing subjectKeys, IImportProgress progress, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (establishment, year) = await ImportTarget.ResolveAsync(session, command.EstablishmentId, clock, cancellationToken);
        var parsed = TeachingScheduleCsv.Parse(command.Csv);
        progress.Report("parsed", parsed.Lines.Count, parsed.Lines.Count + parsed.Rejected.Count);
        var staff = (await session.Query<StaffRosterEntry>().Where(e => e.EstablishmentId == establishment.Id).ToListAsync(cancellationToken)).ToDictionary(e => e.Key);
        var slots = await session.Query<ImportedSlot>().Where(s => s.EstablishmentId == establishment.Id).ToListAsync(cancellationToken);
        var units = await UnitsAsync(session, establishment.Id, year, cancellationToken);
        var identities = await IdentitiesAsync(session, keys, staff, parsed.Lines, cancellationToken);

        var plan = SchedulePlanning.Plan(
            parsed.Lines,
            [.. staff.Values.Select(e => new KnownTeacher(e.Key, e.PersonId, [.. e.Teachings.Select(t => (t.Unit, t.Subject))]))],
            [.. slots.Select(s => new KnownSlot(s.Id, s.TeacherKey, s.Unit, s.Subject, s.Day, s.Start, s.End, s.Room, s.Week))],
            units.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase),
            identities);

        var writer = new ScheduleWriter(session, keys, establishment.Id, year, units, staff);
        await subjectKeys.PrepareAsync(writer.AllocateNewTeachers(plan.Steps), cancellationToken);
        progress.Report("planned", plan.Steps.Count, plan.Steps.Count);
        var report = await writer.WriteAsync(plan.Steps, progress, cancellationToken);
        return report with { Rejected = parsed.Rejected, NeedsReview = plan.Reviews };
    }

    private static async Task<Dictionary<string, Guid>> UnitsAsync(IDocumentSession session, Guid establishmentId, SchoolYear year, CancellationToken cancellationToken)
    {
        var classes = await session.Query<SchoolClass>().Where(c => c.EstablishmentId == establishmentId).ToListAsync(cancellationToken);
        var groups = await session.Query<SchoolGroup>().Where(g => g.EstablishmentId == establishmentId).ToListAsync(cancellationToken);
        var units = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in groups.Where(g => g.SchoolYear == year))
            units[group.Name] = group.Id;
        foreach (var schoolClass in classes.Where(c => c.SchoolYear == year))
            units[schoolClass.Name] = schoolClass.Id;
        return units;
    }

    private static async Task<Dictionary<string, IdentityMatch>> IdentitiesAsync(
        IDocumentSession session, LookupKeys keys, Dictionary<string, StaffRosterEntry> staff, IReadOnlyList<ScheduleLine> lines, CancellationToken cancellationToken)
    {
        var newcomers = lines.Where(l => !staff.ContainsKey(l.TeacherKey)).DistinctBy(l => l.TeacherKey).ToList();
        var names = (await session.LoadManyAsync<NameIndex>(cancellationToken, newcomers.Select(l => keys.ForName(l.FamilyName, l.GivenName)).Distinct()))
            .ToDictionary(n => n.Id);
        return newcomers.ToDictionary(
            l => l.TeacherKey,
            l => names.TryGetValue(keys.ForName(l.FamilyName, l.GivenName), out var homonyms) && homonyms.PersonIds.Count > 0
                ? (IdentityMatch)new IdentityMatch.Ambiguous(homonyms.PersonIds.Count)
                : new IdentityMatch.Unknown());
    }
}
