using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Workspace;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.Homework;
using MonBureau.Domain.People;

namespace MonBureau.Application.Homework;

public static class AssignHomeworkHandler
{
    public static async Task<Guid> Handle(AssignHomework command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Require(Role.Teacher);
        var teacher = await session.Events.FetchLatest<Person>(actor.Id, cancellationToken) ?? throw BusinessRuleException.Forbidden();
        var unitId = command.GroupId ?? command.ClassId ?? Guid.Empty;
        // The id must be of the kind the teacher named: a class id given as a group is not found.
        TeachingUnit? unit = command.GroupId is not null
            ? await session.Events.FetchLatest<SchoolGroup>(unitId, cancellationToken) is { } g ? new TeachingUnit(g.Id, g.EstablishmentId) : null
            : await session.Events.FetchLatest<SchoolClass>(unitId, cancellationToken) is { } c ? new TeachingUnit(c.Id, c.EstablishmentId) : null;
        var students = command.StudentIds is { Count: > 0 } ? await StudentsOfAsync(session, unitId, cancellationToken) : [];
        var documents = await WorkspaceLoading.ReferencedAsync(session, actor, command.WorkspaceFileIds, HomeworkDecisions.MaxDocuments, cancellationToken);

        var assigned = HomeworkDecisions.Assign(Guid.CreateVersion7(), command, teacher, unit, students, clock.GetUtcNow(), documents);
        session.Events.StartStream<Domain.Homework.Homework>(assigned.HomeworkId, assigned);
        return assigned.HomeworkId;
    }

    /// <summary>The students of a class (from their own records) or of a group (its members).</summary>
    internal static async Task<HashSet<Guid>> StudentsOfAsync(IDocumentSession session, Guid unitId, CancellationToken cancellationToken)
    {
        if (await session.Events.FetchLatest<SchoolGroup>(unitId, cancellationToken) is { } group)
            return [.. group.Members];
        var ids = await session.Query<Person>().Where(p => p.ClassId == unitId).Select(p => p.Id).ToListAsync(cancellationToken);
        return [.. ids];
    }

    /// <summary>Whether the student belongs to the class or group now.</summary>
    internal static async Task<bool> BelongsToAsync(IDocumentSession session, Person student, Guid unitId, CancellationToken cancellationToken) =>
        student.ClassId == unitId
        || (await session.Events.FetchLatest<SchoolGroup>(unitId, cancellationToken))?.Members.Contains(student.Id) == true;
}
