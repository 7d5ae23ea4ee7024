using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Establishments;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.Establishments;

namespace MonBureau.Application.Classes;

public static class CreateClassHandler
{
    public static async Task<Guid> Handle(CreateClass command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Require(Role.EstablishmentAdministrator);
        var establishment = actor.ActsIn(command.EstablishmentId)
            ? await session.Events.FetchLatest<Establishment>(command.EstablishmentId, cancellationToken)
            : null;

        var year = ClassDecisions.SchoolYearFor(command, EstablishmentClock.Today(clock, establishment));
        var claimId = UniqueClaim.ForClassName(command.EstablishmentId, year.StartYear, command.Name ?? "");
        var taken = await session.LoadAsync<UniqueClaim>(claimId, cancellationToken) is not null;
        var created = ClassDecisions.Create(Guid.CreateVersion7(), command, establishment is not null, year, taken);

        session.Insert(new UniqueClaim(claimId, created.ClassId));
        session.Events.StartStream<SchoolClass>(created.ClassId, created);
        return created.ClassId;
    }
}
