using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.People;

namespace MonBureau.Application.People;

public static class RegisterStaffMemberHandler
{
    public static async Task<Guid> Handle(RegisterStaffMember command, IDocumentSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Require(Role.EstablishmentAdministrator);
        var exists = actor.ActsIn(command.EstablishmentId)
            && await session.Events.FetchLatest<Establishment>(command.EstablishmentId, cancellationToken) is not null;

        var id = Guid.CreateVersion7();
        session.Events.StartStream<Person>(id, PeopleDecisions.RegisterStaffMember(id, command, exists));
        return id;
    }
}
