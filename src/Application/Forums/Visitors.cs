using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.Forums;
using MonBureau.Domain.People;
using MonBureau.Domain.Projects;

namespace MonBureau.Application.Forums;

/// <summary>Loads what the collaboration rules decide on: who asks, who a forum is for, and their standing there.</summary>
public static class Visitors
{
    /// <summary>The actor as a visitor; null when they act outside an establishment or no longer hold that profile there.</summary>
    public static async Task<Visitor?> OfAsync(IQuerySession session, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.EstablishmentId is not { } establishmentId)
            return null;
        var person = await session.LoadAsync<Person>(actor.Id, cancellationToken);
        if (person is null || !person.Holds(actor.Role, establishmentId))
            return null;
        return new Visitor(person.Id, actor.Role, establishmentId, await UnitsOfAsync(session, person, actor.Role, cancellationToken));
    }

    /// <summary>A student seen as a visitor, for their guardian reading what concerns them.</summary>
    public static async Task<Visitor> StudentAsync(IQuerySession session, Guid studentId, Guid establishmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var student = await session.LoadAsync<Person>(studentId, cancellationToken);
        return new Visitor(studentId, Role.Student, establishmentId,
            student is null ? new HashSet<Guid>() : await UnitsOfAsync(session, student, Role.Student, cancellationToken));
    }

    /// <summary>The classes and groups a teacher teaches, or a student's class and groups.</summary>
    private static async Task<IReadOnlySet<Guid>> UnitsOfAsync(IQuerySession session, Person person, Role role, CancellationToken cancellationToken)
    {
        if (role == Role.Teacher)
            return person.Teachings.Select(t => t.TeachingUnitId).ToHashSet();
        if (role != Role.Student)
            return new HashSet<Guid>();
        var groups = await session.Query<SchoolGroup>().Where(g => g.Members.Contains(person.Id)).Select(g => g.Id).ToListAsync(cancellationToken);
        return person.ClassId is { } classId ? new HashSet<Guid>([classId, .. groups]) : groups.ToHashSet();
    }

    /// <summary>Who the forum is for: its class or group, or its project's units and teachers (none when the project is gone).</summary>
    public static async Task<ForumAudience> AudienceAsync(IQuerySession session, Forum forum, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(forum);
        if (forum.Scope != ForumScope.Project)
            return ForumAudience.OfUnit(forum.ScopeId);
        return await session.LoadAsync<Project>(forum.ScopeId, cancellationToken) is { } project
            ? ProjectDecisions.ForumAudience(project)
            : new ForumAudience(new HashSet<Guid>(), new HashSet<Guid>());
    }

    public static async Task<ForumStanding> StandingAsync(IQuerySession session, Forum? forum, Visitor? visitor, CancellationToken cancellationToken) =>
        forum is null || visitor is null ? ForumStanding.None : ForumStandings.Of(forum, await AudienceAsync(session, forum, cancellationToken), visitor);
}
