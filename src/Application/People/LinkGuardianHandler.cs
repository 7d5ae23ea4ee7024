using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Importing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Importing;
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

        var established = PeopleDecisions.LinkGuardian(command, student, guardian);
        session.Events.Append(command.GuardianId, established);
        if (command.ImportKey is { Length: > 0 } key)
            await RememberImportKeyAsync(session, established, key.Trim(), cancellationToken);
        return command.GuardianId;
    }

    /// <summary>An administrator resolving an import review: the next roster import then knows this guardian.</summary>
    private static async Task RememberImportKeyAsync(IDocumentSession session, GuardianshipEstablished established, string key, CancellationToken cancellationToken)
    {
        session.Store(new GuardianKey(GuardianKey.IdFor(established.EstablishmentId, key), established.GuardianId));
        var entry = await session.Query<RosterEntry>()
            .Where(e => e.EstablishmentId == established.EstablishmentId && e.PersonId == established.StudentId)
            .FirstOrDefaultAsync(cancellationToken);
        if (entry is null)
            return;
        entry.Guardians[key] = new KnownGuardianship(established.GuardianId, established.Rights);
        session.Store(entry);
    }
}
