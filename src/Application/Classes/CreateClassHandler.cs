using Marten;
using MonBureau.Application.Establishments;
using MonBureau.Domain.Classes;

namespace MonBureau.Application.Classes;

public static class CreateClassHandler
{
    public static async Task<Guid> Handle(CreateClass command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var name = await YearlyName.ResolveAsync(
            session, clock, command.EstablishmentId, command.Name, command.SchoolYearStart, UniqueClaim.ForClassName, cancellationToken);
        var created = ClassDecisions.Create(Guid.CreateVersion7(), command, name.EstablishmentExists, name.Year, name.Taken);

        session.Insert(new UniqueClaim(name.ClaimId, created.ClassId));
        session.Events.StartStream<SchoolClass>(created.ClassId, created);
        return created.ClassId;
    }
}
