using MonBureau.Application.Auditing;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.People;
using MonBureau.Projections.People;

namespace MonBureau.Host.Authorization;

/// <summary>
/// The relationship half of the policy: whose records a profile may read. A student reads only themself; a guardian
/// their own children; a teacher the students of the classes and groups they teach; the school-life office,
/// direction, administrators and the privacy officer the people of their establishment. Nobody crosses establishments.
/// Disciplinary records (punishments, sanctions) are narrower: the student, their guardians, the school-life office
/// and direction only — not their teachers, administrators or the privacy officer. Portfolios are the student's own
/// work: their guardians and teachers only (a guardian only what the student shares, checked by the caller).
/// </summary>
public static class RelationshipPolicy
{
    /// <summary>Whether the actor may read <paramref name="category"/> data of the target: the circle depends on the category.</summary>
    public static bool MayRead(Actor actor, PersonDetails target, PersonDetails? actorRecord, IReadOnlyCollection<Guid> targetUnits, DataCategory category) => category switch
    {
        DataCategory.Sanctions => MayReadDisciplinaryRecord(actor, target, actorRecord),
        DataCategory.Portfolio => (target.Id == actor.Id || actor.Role is Role.Guardian or Role.Teacher) && MayReadPerson(actor, target, actorRecord, targetUnits),
        _ => MayReadPerson(actor, target, actorRecord, targetUnits),
    };

    /// <summary>The student, their guardians, the school-life office (CPE) and direction of the student's establishment.</summary>
    public static bool MayReadDisciplinaryRecord(Actor actor, PersonDetails target, PersonDetails? actorRecord)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(target);
        if (target.Id == actor.Id)
            return true;
        return actor.Role switch
        {
            Role.Guardian => IsGuardianOf(actor, target, actorRecord),
            Role.SchoolLifeOffice or Role.Direction => IsStudent(target, actor.EstablishmentId),
            _ => false,
        };
    }

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
            Role.Guardian => IsGuardianOf(actor, target, actorRecord),
            Role.Teacher => inMyEstablishment && IsStudent(target) && actorRecord?.Teachings.Any(t => targetUnits.Contains(t.TeachingUnitId)) == true,
            Role.SchoolLifeOffice or Role.Direction or Role.EstablishmentAdministrator or Role.PrivacyOfficer => inMyEstablishment,
            _ => false,
        };
    }

    private static bool IsGuardianOf(Actor actor, PersonDetails target, PersonDetails? actorRecord) =>
        actorRecord?.Children.Any(c => c.StudentId == target.Id && c.EstablishmentId == actor.EstablishmentId) == true;

    private static bool IsStudent(PersonDetails person) => person.Profiles.Any(p => p.Role == Role.Student);

    private static bool IsStudent(PersonDetails person, Guid? establishmentId) => person.Profiles.Contains(new Profile(Role.Student, establishmentId ?? Guid.Empty));
}
