using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.Establishments;

namespace MonBureau.Application.Establishments;

/// <summary>
/// What creating a class or a group needs to decide: whether the administrator acts in an existing establishment,
/// which school year is meant, and whether the name is already taken that year (with the claim that reserves it).
/// </summary>
internal sealed record YearlyName(bool EstablishmentExists, SchoolYear Year, string ClaimId, bool Taken)
{
    public static async Task<YearlyName> ResolveAsync(
        IDocumentSession session, TimeProvider clock, Guid establishmentId, string? name, int? schoolYearStart,
        Func<Guid, int, string, string> claimFor, CancellationToken cancellationToken)
    {
        var actor = ActingContext.Require(Role.EstablishmentAdministrator);
        var establishment = actor.ActsIn(establishmentId)
            ? await session.Events.FetchLatest<Establishment>(establishmentId, cancellationToken)
            : null;
        var year = ClassDecisions.SchoolYearFor(new CreateClass(establishmentId, name ?? "", schoolYearStart), EstablishmentClock.Today(clock, establishment));
        var claimId = claimFor(establishmentId, year.StartYear, name ?? "");
        var taken = await session.LoadAsync<UniqueClaim>(claimId, cancellationToken) is not null;
        return new YearlyName(establishment is not null, year, claimId, taken);
    }
}
