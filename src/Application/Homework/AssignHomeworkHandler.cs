using Marten;
using MonBureau.Application.Auditing;
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
        var schoolClass = await session.Events.FetchLatest<SchoolClass>(command.ClassId, cancellationToken);

        var assigned = HomeworkDecisions.Assign(Guid.CreateVersion7(), command, teacher, schoolClass, clock.GetUtcNow());
        session.Events.StartStream<Domain.Homework.Homework>(assigned.HomeworkId, assigned);
        return assigned.HomeworkId;
    }
}
