using Marten;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.Messaging;
using MonBureau.Domain.People;

namespace MonBureau.Application.Messaging;

/// <summary>Loads what the who-may-write rules need and resolves audiences (a class, its guardians, a staff role) into people, at sending time.</summary>
public static class MessagingAudiences
{
    public static async Task<MessagingDirectory> DirectoryAsync(
        IQuerySession session, Sender sender, IEnumerable<RecipientSelector> selectors, CancellationToken cancellationToken)
    {
        var named = selectors.Where(s => s.Kind == RecipientKind.Person && s.Id is not null).Select(s => s.Id!.Value);
        var people = (await session.LoadManyAsync<Person>(cancellationToken, named.Distinct().ToArray())).ToDictionary(p => p.Id);
        people[sender.Id] = sender.Person;

        // The classes and groups of every student whose teachers matter: named students, the sender, and the children of guardians involved.
        var students = people.Values.SelectMany(p => p.Children.Where(c => c.EstablishmentId == sender.EstablishmentId).Select(c => c.StudentId))
            .Concat(people.Values.Where(p => p.Holds(Role.Student, sender.EstablishmentId)).Select(p => p.Id))
            .Distinct().ToArray();
        var studentRecords = await session.LoadManyAsync<Person>(cancellationToken, students);
        var groups = await session.Query<SchoolGroup>().Where(g => g.EstablishmentId == sender.EstablishmentId).ToListAsync(cancellationToken);
        var units = studentRecords.ToDictionary(
            s => s.Id,
            s => (IReadOnlyList<Guid>)[.. s.ClassId is { } c ? [c] : Array.Empty<Guid>(), .. groups.Where(g => g.Members.Contains(s.Id)).Select(g => g.Id)]);
        return new MessagingDirectory(people, units);
    }

    /// <summary>The members of each broadcast selector inside the sender's establishment; a unit of another school is simply absent.</summary>
    public static async Task<IReadOnlyDictionary<RecipientSelector, IReadOnlyList<Guid>>> ResolveAsync(
        IQuerySession session, Guid establishmentId, IEnumerable<RecipientSelector> selectors, CancellationToken cancellationToken)
    {
        var audiences = new Dictionary<RecipientSelector, IReadOnlyList<Guid>>();
        foreach (var selector in selectors.Where(s => s.IsBroadcast).Distinct())
        {
            var members = await MembersAsync(session, establishmentId, selector, cancellationToken);
            if (members is not null)
                audiences[selector] = members;
        }

        return audiences;
    }

    private static async Task<IReadOnlyList<Guid>?> MembersAsync(IQuerySession session, Guid establishmentId, RecipientSelector selector, CancellationToken cancellationToken)
    {
        switch (selector.Kind)
        {
            case RecipientKind.Class:
                return await InClassAsync(session, establishmentId, selector.Id, cancellationToken);
            case RecipientKind.GuardiansOfClass:
                var students = await InClassAsync(session, establishmentId, selector.Id, cancellationToken);
                if (students is null)
                    return null;
                var guardians = await session.Query<Person>()
                    .Where(p => p.Profiles.Any(pr => pr.Role == Role.Guardian && pr.EstablishmentId == establishmentId))
                    .ToListAsync(cancellationToken);
                return [.. guardians.Where(g => g.Children.Any(c => students.Contains(c.StudentId))).Select(g => g.Id)];
            case RecipientKind.Group:
                var group = selector.Id is { } groupId ? await session.LoadAsync<SchoolGroup>(groupId, cancellationToken) : null;
                return group is not null && group.EstablishmentId == establishmentId ? group.Members : null;
            case RecipientKind.StaffRole:
                if (selector.StaffRole is not { } role)
                    throw BusinessRuleException.Invalid("Name the staff role to write to.");
                var holders = await session.Query<Person>()
                    .Where(p => p.Profiles.Any(pr => pr.Role == role && pr.EstablishmentId == establishmentId))
                    .Select(p => p.Id)
                    .ToListAsync(cancellationToken);
                return holders;
            default:
                return null;
        }
    }

    private static async Task<IReadOnlyList<Guid>?> InClassAsync(IQuerySession session, Guid establishmentId, Guid? classId, CancellationToken cancellationToken)
    {
        var schoolClass = classId is { } id ? await session.LoadAsync<SchoolClass>(id, cancellationToken) : null;
        if (schoolClass is null || schoolClass.EstablishmentId != establishmentId)
            return null;
        return await session.Query<Person>().Where(p => p.ClassId == schoolClass.Id).Select(p => p.Id).ToListAsync(cancellationToken);
    }
}
