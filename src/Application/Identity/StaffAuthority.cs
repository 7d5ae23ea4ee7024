using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Application.Identity;

/// <summary>Who may hand out and reset accounts: the establishment's administrators for anyone there; the school-life
/// office (CPE) for its students and their guardians; region administrators for one another; trusted system jobs.</summary>
internal static class StaffAuthority
{
    public static Guid EstablishmentFor(Person? person)
    {
        var actor = ActingContext.Current ?? throw new MissingActorException();
        if (person is null)
            throw BusinessRuleException.NotFound("Person");
        if (actor.IsSystem)
            return person.Profiles.Count > 0 ? person.Profiles[0].EstablishmentId : throw BusinessRuleException.NotFound("Person");

        if (actor.Role == Role.RegionAdministrator)
        {
            return person.Profiles.All(p => p.Role == Role.RegionAdministrator)
                ? Profile.RegionWide
                : throw BusinessRuleException.NotFound("Person");
        }

        var heldThere = person.Profiles.Where(p => p.EstablishmentId == actor.EstablishmentId).ToList();
        var allowed = actor.Role switch
        {
            Role.EstablishmentAdministrator => heldThere.Count > 0,
            Role.SchoolLifeOffice => heldThere.Count > 0 && heldThere.All(p => p.Role is Role.Student or Role.Guardian),
            _ => throw BusinessRuleException.Forbidden(),
        };
        return allowed ? actor.EstablishmentId!.Value : throw BusinessRuleException.NotFound("Person");
    }
}
