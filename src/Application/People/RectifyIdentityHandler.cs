using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Identity;
using MonBureau.Application.Importing;
using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Application.People;

public static class RectifyIdentityHandler
{
    public static async Task<Guid> Handle(RectifyIdentity command, IDocumentSession session, LookupKeys keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(keys);
        var actor = ActingContext.Current ?? throw new MissingActorException();
        if (actor.Role is not (Role.PrivacyOfficer or Role.EstablishmentAdministrator))
            throw BusinessRuleException.Forbidden();
        var person = await session.Events.FetchLatest<Person>(command.PersonId, cancellationToken);
        session.Events.Append(command.PersonId, PeopleDecisions.Rectify(command, person, actor.ActsIn));
        // Imports look people up by name: the corrected name must lead to them, the old one no longer.
        await NameIndexes.MoveAsync(session, keys, command.FamilyName, command.GivenName, command.PersonId, cancellationToken);
        return command.PersonId;
    }
}
