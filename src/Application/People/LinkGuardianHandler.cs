using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Application.People;

public static class LinkGuardianHandler
{
    public static async Task<Guid> Handle(LinkGuardian command, IDocumentSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Require(Role.EstablishmentAdministrator);
        var student = await RegisterGuardianHandler.StudentOfAsync(session, actor, command.StudentId, cancellationToken);
        var guardian = await session.Events.FetchLatest<Person>(command.GuardianId, cancellationToken);

        session.Events.Append(command.GuardianId, PeopleDecisions.LinkGuardian(command, student, guardian));
        return command.GuardianId;
    }
}
