using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Application.Importing;

/// <summary>
/// Resolves a schedule-import review: the administrator says which existing person an ENSEIGNANT_ID designates.
/// A person who is not yet a teacher here (one working in another establishment) is appointed here too.
/// </summary>
public sealed record LinkStaffImportKey(Guid EstablishmentId, Guid PersonId, string ImportKey);

public static class LinkStaffImportKeyHandler
{
    public static async Task<Guid> Handle(LinkStaffImportKey command, IDocumentSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Require(Role.EstablishmentAdministrator);
        var person = actor.ActsIn(command.EstablishmentId) ? await session.Events.FetchLatest<Person>(command.PersonId, cancellationToken) : null;
        var key = Require.Text(command.ImportKey, "Import key", 40);
        if (person is null || person.Profiles.Count == 0)
            throw BusinessRuleException.NotFound("Person");
        if (await session.LoadAsync<StaffRosterEntry>(StaffRosterEntry.IdFor(command.EstablishmentId, key), cancellationToken) is { } existing && existing.PersonId != person.Id)
            throw new BusinessRuleException(ErrorCodes.Conflict, $"{key} already designates another person.");

        if (!person.Holds(Role.Teacher, command.EstablishmentId))
            session.Events.Append(person.Id, new TeacherAppointed(person.Id, command.EstablishmentId));
        session.Store(new StaffRosterEntry { Id = StaffRosterEntry.IdFor(command.EstablishmentId, key), EstablishmentId = command.EstablishmentId, Key = key, PersonId = person.Id });
        return person.Id;
    }
}
