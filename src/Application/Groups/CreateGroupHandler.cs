using Marten;
using MonBureau.Application.Establishments;
using MonBureau.Domain.Classes;

namespace MonBureau.Application.Groups;

public static class CreateGroupHandler
{
    public static async Task<Guid> Handle(CreateGroup command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var name = await YearlyName.ResolveAsync(
            session, clock, command.EstablishmentId, command.Name, command.SchoolYearStart, UniqueClaim.ForGroupName, cancellationToken);
        var created = GroupDecisions.Create(Guid.CreateVersion7(), command, name.EstablishmentExists, name.Year, name.Taken);

        session.Insert(new UniqueClaim(name.ClaimId, created.GroupId));
        session.Events.StartStream<SchoolGroup>(created.GroupId, created);
        return created.GroupId;
    }
}
