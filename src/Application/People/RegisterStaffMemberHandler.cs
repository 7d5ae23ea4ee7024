using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Identity;
using MonBureau.Application.Importing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.People;

namespace MonBureau.Application.People;

public static class RegisterStaffMemberHandler
{
    public static async Task<Guid> Handle(RegisterStaffMember command, IDocumentSession session, LookupKeys keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(keys);
        var actor = ActingContext.Require(Role.EstablishmentAdministrator);
        var exists = actor.ActsIn(command.EstablishmentId)
            && await session.Events.FetchLatest<Establishment>(command.EstablishmentId, cancellationToken) is not null;

        var id = Guid.CreateVersion7();
        session.Events.StartStream<Person>(id, PeopleDecisions.RegisterStaffMember(id, command, exists));
        await NameIndexes.AddAsync(session, keys, command.FamilyName, command.GivenName, id, cancellationToken);
        return id;
    }
}
