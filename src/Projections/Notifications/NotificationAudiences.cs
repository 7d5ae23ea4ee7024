using System.Text.Json;
using Marten;
using MonBureau.Domain.Agenda;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Projections.Notifications;

/// <summary>
/// Turns a page of notices' audiences into people with one query per kind of look-up for the whole page: the agenda
/// events named, the groups and classes whose families are told, the guardians of single students (a containment
/// query on the indexed <c>PersonDetails</c>), the guardians and members of each establishment concerned.
/// </summary>
internal static class NotificationAudiences
{
    /// <summary>The recipients of each notice, in the order of <paramref name="notices"/> (the author is not removed here).</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<Guid>>> ResolveAsync(IQuerySession session, IReadOnlyList<Notice> notices, CancellationToken cancellation)
    {
        var audiences = await AgendaAudiencesAsync(session, notices, cancellation);
        var students = await StudentsAsync(session, audiences.OfType<Audience.Families>(), cancellation);

        // One student (an absence, a returned work, a sanction) is looked up by containment; several (a class) among
        // the establishment's guardians, as a single notice always did.
        var single = new HashSet<(Guid StudentId, Guid EstablishmentId)>();
        var several = new HashSet<Guid>();
        var members = new HashSet<Guid>();
        foreach (var audience in audiences)
        {
            switch (audience)
            {
                case Audience.Family family:
                    single.Add((family.StudentId, family.EstablishmentId));
                    break;
                case Audience.Families families when students[families] is [var only]:
                    single.Add((only, families.EstablishmentId));
                    break;
                case Audience.Families families when students[families].Count > 1:
                    several.Add(families.EstablishmentId);
                    break;
                case Audience.Members m:
                    members.Add(m.EstablishmentId);
                    break;
            }
        }

        var guardiansOf = await GuardiansOfAsync(session, single, cancellation);
        var guardians = new Dictionary<Guid, IReadOnlyList<Person>>();
        foreach (var establishmentId in several)
        {
            guardians[establishmentId] = await session.Query<Person>()
                .Where(p => p.Profiles.Any(pr => pr.Role == Role.Guardian && pr.EstablishmentId == establishmentId))
                .ToListAsync(cancellation);
        }

        var people = new Dictionary<Guid, IReadOnlyList<Person>>();
        foreach (var establishmentId in members)
            people[establishmentId] = await session.Query<Person>().Where(p => p.Profiles.Any(pr => pr.EstablishmentId == establishmentId)).ToListAsync(cancellation);

        return [.. audiences.Select(audience => audience switch
        {
            Audience.People named => named.Ids,
            Audience.Family family => family.WithStudent
                ? [family.StudentId, .. GuardiansOf(guardiansOf, family.StudentId, family.EstablishmentId)]
                : GuardiansOf(guardiansOf, family.StudentId, family.EstablishmentId),
            Audience.Families families => students[families] switch
            {
                [] => [],
                [var only] => [only, .. GuardiansOf(guardiansOf, only, families.EstablishmentId)],
                var many => [.. many, .. guardians[families.EstablishmentId].Where(g => g.Children.Any(c => many.Contains(c.StudentId))).Select(g => g.Id)],
            },
            Audience.Members m => people[m.EstablishmentId]
                .Where(p => p.Profiles.Any(pr => pr.EstablishmentId == m.EstablishmentId && (m.Roles.Count == 0 || m.Roles.Contains(pr.Role)))).Select(p => p.Id).ToList(),
            _ => (IReadOnlyList<Guid>)[],
        })];
    }

    /// <summary>An agenda event's audience as it was scheduled (one load for every agenda event of the page); nobody if it is not there.</summary>
    private static async Task<IReadOnlyList<Audience>> AgendaAudiencesAsync(IQuerySession session, IReadOnlyList<Notice> notices, CancellationToken cancellation)
    {
        var ids = notices.Select(n => n.Audience).OfType<Audience.OfAgendaEvent>().Select(a => a.EventId).Distinct().ToArray();
        if (ids.Length == 0)
            return [.. notices.Select(n => n.Audience)];
        var scheduled = (await session.LoadManyAsync<AgendaEvent>(cancellation, ids)).ToDictionary(a => a.Id);
        return [.. notices.Select(n => n.Audience switch
        {
            Audience.OfAgendaEvent of when scheduled.TryGetValue(of.EventId, out var agendaEvent) => agendaEvent.TeachingUnitId is { } unit
                ? new Audience.Families(agendaEvent.EstablishmentId, unit, null)
                : new Audience.Members(agendaEvent.EstablishmentId, []),
            Audience.OfAgendaEvent => new Audience.People([]),
            var other => other,
        })];
    }

    /// <summary>The students each class's or group's notice is about: the named ones, else the group's members, else the class's students.</summary>
    private static async Task<Dictionary<Audience.Families, IReadOnlyList<Guid>>> StudentsAsync(
        IQuerySession session, IEnumerable<Audience.Families> audiences, CancellationToken cancellation)
    {
        var all = audiences.Distinct().ToList();
        var units = all.Where(f => f.Named is not { Count: > 0 }).Select(f => f.TeachingUnitId).Distinct().ToArray();
        var groups = units.Length == 0 ? [] : (await session.LoadManyAsync<SchoolGroup>(cancellation, units)).ToDictionary(g => g.Id, g => g.Members);
        var classIds = units.Where(u => !groups.ContainsKey(u)).Select(u => (Guid?)u).ToArray();
        var classes = classIds.Length == 0
            ? []
            : (await session.Query<Person>().Where(p => p.ClassId.IsOneOf(classIds)).Select(p => new { p.Id, p.ClassId }).ToListAsync(cancellation))
                .GroupBy(p => p.ClassId!.Value).ToDictionary(g => g.Key, g => (IReadOnlyList<Guid>)[.. g.Select(p => p.Id)]);
        return all.ToDictionary(f => f, f => f.Named is { Count: > 0 } named
            ? named
            : groups.GetValueOrDefault(f.TeachingUnitId) ?? classes.GetValueOrDefault(f.TeachingUnitId) ?? []);
    }

    /// <summary>The guardians of each (student, establishment): one containment query on the GIN-indexed <c>PersonDetails</c> for all of them.</summary>
    private static async Task<ILookup<(Guid StudentId, Guid EstablishmentId), Guid>> GuardiansOfAsync(
        IQuerySession session, HashSet<(Guid StudentId, Guid EstablishmentId)> students, CancellationToken cancellation)
    {
        if (students.Count == 0)
            return Array.Empty<(Guid, Guid, Guid)>().ToLookup(x => (x.Item1, x.Item2), x => x.Item3);
        var probes = students.Select(s => JsonSerializer.Serialize(new { Children = new[] { new { s.StudentId, s.EstablishmentId } } })).ToArray();
        var found = await session.QueryAsync<GuardianChildren>(
            $"select jsonb_build_object('Id', d.id, 'Children', d.data -> 'Children') from {session.DocumentStore.Options.DatabaseSchemaName}.mt_doc_persondetails as d where d.data @> any(?::jsonb[])",
            cancellation, [probes]);
        return found.SelectMany(g => g.Children.Where(c => students.Contains((c.StudentId, c.EstablishmentId))).Select(c => (c.StudentId, c.EstablishmentId, GuardianId: g.Id)))
            .ToLookup(x => (x.StudentId, x.EstablishmentId), x => x.GuardianId);
    }

    private static IReadOnlyList<Guid> GuardiansOf(ILookup<(Guid, Guid), Guid> guardiansOf, Guid studentId, Guid establishmentId) =>
        [.. guardiansOf[(studentId, establishmentId)]];

    /// <summary>What the containment query reads of a <c>PersonDetails</c>: its id and its children, not its sealed names.</summary>
    private sealed record GuardianChildren(Guid Id, IReadOnlyList<GuardianChild> Children);

    private sealed record GuardianChild(Guid StudentId, Guid EstablishmentId);
}
