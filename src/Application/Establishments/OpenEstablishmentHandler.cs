using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Establishments;

namespace MonBureau.Application.Establishments;

public static class OpenEstablishmentHandler
{
    public static async Task<Guid> Handle(OpenEstablishment command, IDocumentSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ActingContext.Require(Role.RegionAdministrator);
        var uai = command.Uai?.Trim().ToUpperInvariant() ?? "";
        var taken = await session.LoadAsync<UniqueClaim>(UniqueClaim.ForUai(uai), cancellationToken) is not null;
        var opened = EstablishmentDecisions.Open(Guid.CreateVersion7(), command, taken);

        session.Insert(new UniqueClaim(UniqueClaim.ForUai(opened.Uai), opened.EstablishmentId));
        session.Events.StartStream<Establishment>(opened.EstablishmentId, opened);
        return opened.EstablishmentId;
    }
}
