using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;

namespace MonBureau.Domain.People;

public sealed record RegisterStaffMember(Guid EstablishmentId, Role Role, string GivenName, string FamilyName) : Redacted;

public sealed record RegisterRegionAdministrator(string GivenName, string FamilyName) : Redacted;

public sealed record EnrollStudent(Guid ClassId, string GivenName, string FamilyName) : Redacted;

public sealed record RectifyIdentity(Guid PersonId, string GivenName, string FamilyName) : Redacted;

public sealed record RegisterGuardian(Guid StudentId, string GivenName, string FamilyName, GuardianRights Rights) : Redacted;

/// <summary>Links an existing person as guardian of another child: never a second account for the same parent.</summary>
/// <param name="ImportKey">The guardian's identifier in the roster export (RESP_ID), so later imports recognise them.</param>
public sealed record LinkGuardian(Guid StudentId, Guid GuardianId, GuardianRights Rights, string? ImportKey = null);

public static class PeopleDecisions
{
    private static readonly Role[] StaffRoles =
        [Role.Teacher, Role.SchoolLifeOffice, Role.Direction, Role.PrivacyOfficer, Role.EstablishmentAdministrator];

    public static object[] RegisterStaffMember(Guid newId, RegisterStaffMember command, bool establishmentExists)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!establishmentExists)
            throw BusinessRuleException.NotFound("Establishment");
        if (!StaffRoles.Contains(command.Role))
            throw BusinessRuleException.Invalid($"{command.Role} is not a staff profile of an establishment.");
        object appointed = command.Role == Role.Teacher
            ? new TeacherAppointed(newId, command.EstablishmentId)
            : new StaffAppointed(newId, command.EstablishmentId, command.Role);
        return [Registered(newId, command.GivenName, command.FamilyName), appointed];
    }

    public static object[] RegisterRegionAdministrator(Guid newId, RegisterRegionAdministrator command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return [Registered(newId, command.GivenName, command.FamilyName), new RegionAdministratorAppointed(newId)];
    }

    public static object[] EnrollStudent(Guid newId, EnrollStudent command, SchoolClass? schoolClass)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (schoolClass is null)
            throw BusinessRuleException.NotFound("Class");
        return [Registered(newId, command.GivenName, command.FamilyName), new StudentEnrolled(newId, schoolClass.EstablishmentId, schoolClass.Id)];
    }

    public static object[] RegisterGuardian(Guid newId, RegisterGuardian command, Person? student)
    {
        ArgumentNullException.ThrowIfNull(command);
        var establishmentId = StudentEstablishment(student);
        return [Registered(newId, command.GivenName, command.FamilyName), new GuardianshipEstablished(newId, student!.Id, establishmentId, command.Rights)];
    }

    public static GuardianshipEstablished LinkGuardian(LinkGuardian command, Person? student, Person? guardian)
    {
        ArgumentNullException.ThrowIfNull(command);
        var establishmentId = StudentEstablishment(student);
        if (guardian is null || guardian.Id == student!.Id)
            throw BusinessRuleException.NotFound("Guardian");
        return new GuardianshipEstablished(guardian.Id, student.Id, establishmentId, command.Rights);
    }

    private static Guid StudentEstablishment(Person? student) =>
        student?.Profiles.FirstOrDefault(p => p.Role == Role.Student)?.EstablishmentId ?? throw BusinessRuleException.NotFound("Student");

    /// <summary>
    /// Right to rectification (RGPD art. 16): the privacy officer or the establishment's administrator corrects a name
    /// for a person who holds a profile there (a guardian: through a child there). The roster import (SIECLE) stays the
    /// source for students; a correction made only here is overwritten by the next import that says otherwise.
    /// </summary>
    public static IdentityRectified Rectify(RectifyIdentity command, Person? person, Func<Guid, bool> actsIn)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actsIn);
        if (person is null || !(person.Profiles.Any(p => actsIn(p.EstablishmentId)) || person.Children.Any(c => actsIn(c.EstablishmentId))))
            throw BusinessRuleException.NotFound("Person");
        var registered = Registered(person.Id, command.GivenName, command.FamilyName);
        return new IdentityRectified(person.Id, registered.GivenName, registered.FamilyName);
    }

    private static PersonRegistered Registered(Guid id, string givenName, string familyName) =>
        new(id, PersonalData.Of(id, Require.Text(givenName, "Given name", 100)), PersonalData.Of(id, Require.Text(familyName, "Family name", 100)));
}
