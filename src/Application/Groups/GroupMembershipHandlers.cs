using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Application.Groups;

public static class AddStudentToGroupHandler
{
    public static async Task<Guid> Handle(AddStudentToGroup command, IDocumentSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var group = await GroupOfActorAsync(session, command.GroupId, cancellationToken);
        var student = await session.Events.FetchLatest<Person>(command.StudentId, cancellationToken);
        session.Events.Append(command.GroupId, GroupDecisions.AddStudent(group, student));
        return command.GroupId;
    }

    /// <summary>The group if the administrator acts in its establishment; otherwise as if it did not exist.</summary>
    internal static async Task<SchoolGroup?> GroupOfActorAsync(IDocumentSession session, Guid groupId, CancellationToken cancellationToken)
    {
        var actor = ActingContext.Require(Role.EstablishmentAdministrator);
        var group = await session.Events.FetchLatest<SchoolGroup>(groupId, cancellationToken);
        return group is not null && actor.ActsIn(group.EstablishmentId) ? group : null;
    }
}

public static class RemoveStudentFromGroupHandler
{
    public static async Task<Guid> Handle(RemoveStudentFromGroup command, IDocumentSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var group = await AddStudentToGroupHandler.GroupOfActorAsync(session, command.GroupId, cancellationToken);
        session.Events.Append(command.GroupId, GroupDecisions.RemoveStudent(group, command.StudentId));
        return command.GroupId;
    }
}
