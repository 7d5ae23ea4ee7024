using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Projections.People;

namespace MonBureau.Host.Authorization;

/// <summary>
/// The relationship half of the policy: whose records a profile may read. A student reads only themself; a guardian
/// their own children; a teacher the students of the classes and groups they teach; the school-life office,
/// direction, administrators and the privacy officer the people of their establishment. Nobody crosses establishments.
/// </summary>
public static class RelationshipPolicy
{
    /// <param name="actorRecord">The actor's own record (children, teachings); null when they have none.</param>
    /// <param name="targetUnits">The classes and groups the target belongs to.</param>
    public static bool MayReadPerson(Actor actor, PersonDetails target, PersonDetails? actorRecord, IReadOnlyCollection<Guid> targetUnits)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(targetUnits);
        if (target.Id == actor.Id)
            return true;
        var inMyEstablishment = target.Profiles.Any(p => p.EstablishmentId == actor.EstablishmentId);
        return actor.Role switch
        {
            Role.Guardian => actorRecord?.Children.Any(c => c.StudentId == target.Id && c.EstablishmentId == actor.EstablishmentId) == true,
            Role.Teacher => inMyEstablishment && IsStudent(target) && actorRecord?.Teachings.Any(t => targetUnits.Contains(t.TeachingUnitId)) == true,
            Role.SchoolLifeOffice or Role.Direction or Role.EstablishmentAdministrator or Role.PrivacyOfficer => inMyEstablishment,
            _ => false,
        };
    }

    private static bool IsStudent(PersonDetails person) => person.Profiles.Any(p => p.Role == Role.Student);
}
