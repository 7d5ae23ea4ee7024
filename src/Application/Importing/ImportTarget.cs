using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Establishments;
using MonBureau.Domain.Common;
using MonBureau.Domain.Establishments;

namespace MonBureau.Application.Importing;

/// <summary>The establishment an administrator imports into, and its current school year; any other answers NOT_FOUND.</summary>
internal static class ImportTarget
{
    public static async Task<(Establishment Establishment, SchoolYear Year)> ResolveAsync(
        IDocumentSession session, Guid establishmentId, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = ActingContext.Require(Role.EstablishmentAdministrator);
        var establishment = actor.ActsIn(establishmentId)
            ? await session.Events.FetchLatest<Establishment>(establishmentId, cancellationToken)
            : null;
        if (establishment is null)
            throw BusinessRuleException.NotFound("Establishment");
        return (establishment, SchoolYear.Containing(EstablishmentClock.Today(clock, establishment)));
    }
}
