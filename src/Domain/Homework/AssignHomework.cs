using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Homework;

public sealed record AssignHomework(Guid ClassId, string Subject, string Title, string Instructions, DateTimeOffset DueAt) : Redacted;

public static class HomeworkDecisions
{
    public static HomeworkAssigned Assign(Guid newId, AssignHomework command, Person teacher, SchoolClass? schoolClass, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(teacher);
        // A class the teacher does not teach answers exactly like a missing one: nothing leaks across classes or schools.
        if (schoolClass is null || !teacher.Holds(Role.Teacher, schoolClass.EstablishmentId) || !teacher.Teaches(schoolClass.Id))
            throw BusinessRuleException.NotFound("Class");
        if (!teacher.Teaches(schoolClass.Id, command.Subject ?? ""))
            throw BusinessRuleException.Invalid($"You do not teach {command.Subject} in this class.");
        if (command.DueAt <= now)
            throw BusinessRuleException.Invalid("The due date must be in the future.");
        if (command.DueAt > now.AddYears(1))
            throw BusinessRuleException.Invalid("The due date must be within a year.");

        return new HomeworkAssigned(
            newId,
            schoolClass.EstablishmentId,
            schoolClass.Id,
            teacher.Id,
            Require.Text(command.Subject, "Subject", 100),
            Require.Text(command.Title, "Title", 200),
            PersonalData.Of(teacher.Id, Require.Text(command.Instructions, "Instructions", 20_000)),
            command.DueAt,
            now);
    }
}
