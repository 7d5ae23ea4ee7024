using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Classes;

public sealed record CreateGroup(Guid EstablishmentId, string Name, int? SchoolYearStart);

public sealed record AddStudentToGroup(Guid GroupId, Guid StudentId);

public sealed record RemoveStudentFromGroup(Guid GroupId, Guid StudentId);

public static class GroupDecisions
{
    public static GroupCreated Create(Guid newId, CreateGroup command, bool establishmentExists, SchoolYear year, bool nameTaken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!establishmentExists)
            throw BusinessRuleException.NotFound("Establishment");
        var name = Require.Text(command.Name, "Group name", 80);
        if (nameTaken)
            throw new BusinessRuleException(ErrorCodes.Conflict, $"Group {name} already exists for {year}.");
        return new GroupCreated(newId, command.EstablishmentId, name, year);
    }

    public static StudentJoinedGroup AddStudent(SchoolGroup? group, Person? student)
    {
        if (group is null)
            throw BusinessRuleException.NotFound("Group");
        if (student is null || !student.Holds(Role.Student, group.EstablishmentId))
            throw BusinessRuleException.NotFound("Student");
        return new StudentJoinedGroup(group.Id, group.EstablishmentId, student.Id);
    }

    public static StudentLeftGroup RemoveStudent(SchoolGroup? group, Guid studentId)
    {
        if (group is null)
            throw BusinessRuleException.NotFound("Group");
        if (!group.Members.Contains(studentId))
            throw BusinessRuleException.NotFound("Student");
        return new StudentLeftGroup(group.Id, group.EstablishmentId, studentId);
    }
}
