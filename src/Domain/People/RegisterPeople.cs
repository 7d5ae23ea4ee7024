using MonBureau.Domain.Common;
using MonBureau.Domain.Classes;

namespace MonBureau.Domain.People;

public sealed record RegisterTeacher(Guid EstablishmentId, string GivenName, string FamilyName);

public sealed record EnrollStudent(Guid ClassId, string GivenName, string FamilyName);

public static class PeopleDecisions
{
    public static object[] RegisterTeacher(Guid newId, RegisterTeacher command, bool establishmentExists)
    {
        if (!establishmentExists)
            throw BusinessRuleException.NotFound("Establishment");
        return [Registered(newId, command.GivenName, command.FamilyName), new TeacherAppointed(newId, command.EstablishmentId)];
    }

    public static object[] EnrollStudent(Guid newId, EnrollStudent command, SchoolClass? schoolClass)
    {
        if (schoolClass is null)
            throw BusinessRuleException.NotFound("Class");
        return [Registered(newId, command.GivenName, command.FamilyName), new StudentEnrolled(newId, schoolClass.EstablishmentId, schoolClass.Id)];
    }

    private static PersonRegistered Registered(Guid id, string givenName, string familyName) =>
        new(id, PersonalData.Of(id, Require.Text(givenName, "Given name", 100)), PersonalData.Of(id, Require.Text(familyName, "Family name", 100)));
}
