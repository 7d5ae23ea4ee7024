using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Homework;
using MonBureau.Domain.People;

namespace MonBureau.Application.Homework;

public static class EditHomeworkHandler
{
    /// <summary>
    /// The stream is fetched for writing: if another edit is appended between this read and this commit, Marten
    /// refuses the commit (a concurrency exception, CONFLICT for the client), so neither edit is lost unseen.
    /// </summary>
    public static async Task<Guid> Handle(EditHomework command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Require(Role.Teacher);
        var teacher = await session.Events.FetchLatest<Person>(actor.Id, cancellationToken) ?? throw BusinessRuleException.Forbidden();
        var stream = await session.Events.FetchForWriting<Domain.Homework.Homework>(command.HomeworkId, cancellationToken);
        var edited = HomeworkEditing.Edit(command, teacher, stream.Aggregate, stream.CurrentVersion ?? 0, clock.GetUtcNow());
        stream.AppendOne(edited);
        return edited.HomeworkId;
    }
}
