using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Establishments;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.Establishments;

namespace MonBureau.Application.Groups;

public static class CreateGroupHandler
{
    public static async Task<Guid> Handle(CreateGroup command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Require(Role.EstablishmentAdministrator);
        var establishment = actor.ActsIn(command.EstablishmentId)
            ? await session.Events.FetchLatest<Establishment>(command.EstablishmentId, cancellationToken)
            : null;

        var year = ClassDecisions.SchoolYearFor(new CreateClass(command.EstablishmentId, command.Name, command.SchoolYearStart), EstablishmentClock.Today(clock, establishment));
        var claimId = UniqueClaim.ForGroupName(command.EstablishmentId, year.StartYear, command.Name ?? "");
        var taken = await session.LoadAsync<UniqueClaim>(claimId, cancellationToken) is not null;
        var created = GroupDecisions.Create(Guid.CreateVersion7(), command, establishment is not null, year, taken);

        session.Insert(new UniqueClaim(claimId, created.GroupId));
        session.Events.StartStream<SchoolGroup>(created.GroupId, created);
        return created.GroupId;
    }
}
