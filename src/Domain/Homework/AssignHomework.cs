using MonBureau.Domain.Common;
using MonBureau.Domain.Files;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Homework;

/// <summary>
/// Work for a class (<c>ClassId</c>) or a group (<c>GroupId</c>), optionally only for some of its students.
/// <c>WorkspaceFileIds</c> names documents of the teacher's workspace handed out with it (referenced, not copied).
/// </summary>
public sealed record AssignHomework(
    Guid? ClassId, string Subject, string Title, string Instructions, DateTimeOffset DueAt,
    Guid? GroupId = null, IReadOnlyList<Guid>? StudentIds = null, SubmissionFormat? ExpectedFormat = null,
    IReadOnlyList<string>? AllowedContentTypes = null, IReadOnlyList<Guid>? WorkspaceFileIds = null) : Redacted;

public static class HomeworkDecisions
{
    public const int MaxStudents = 60;

    /// <summary>Documents handed out with the work, from the teacher's workspace.</summary>
    public const int MaxDocuments = 5;

    /// <summary>Work is due in the future and within a year.</summary>
    public static void CheckDueDate(DateTimeOffset dueAt, DateTimeOffset now)
    {
        if (dueAt <= now)
            throw BusinessRuleException.Invalid("The due date must be in the future.");
        if (dueAt > now.AddYears(1))
            throw BusinessRuleException.Invalid("The due date must be within a year.");
    }

    /// <param name="unit">The class or group the work is set to, null when missing.</param>
    /// <param name="unitStudents">The students of that class or group now.</param>
    /// <param name="documents">The workspace files the command names, as the teacher may read them (<see cref="Workspace.WorkspaceReferences"/>).</param>
    public static HomeworkAssigned Assign(
        Guid newId, AssignHomework command, Person teacher, TeachingUnit? unit, IReadOnlySet<Guid> unitStudents, DateTimeOffset now,
        IReadOnlyList<AttachedFile>? documents = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(unitStudents);
        if (command.ClassId is null == command.GroupId is null)
            throw BusinessRuleException.Invalid("Give either a class or a group.");
        // A class the teacher does not teach answers exactly like a missing one: nothing leaks across classes or schools.
        if (unit is null || !teacher.Holds(Role.Teacher, unit.EstablishmentId) || !teacher.Teaches(unit.Id))
            throw BusinessRuleException.NotFound(command.GroupId is null ? "Class" : "Group");
        if (!teacher.Teaches(unit.Id, command.Subject ?? ""))
            throw BusinessRuleException.Invalid($"You do not teach {command.Subject} there.");
        CheckDueDate(command.DueAt, now);
        var students = (command.StudentIds ?? []).Distinct().ToList();
        if (students.Count > MaxStudents)
            throw BusinessRuleException.Invalid($"Name at most {MaxStudents} students; leave the list empty for everyone.");
        if (students.FirstOrDefault(s => !unitStudents.Contains(s)) is var stranger && stranger != Guid.Empty)
            throw BusinessRuleException.NotFound($"Student {stranger} in this class or group");
        var format = command.ExpectedFormat ?? SubmissionFormat.TextOrFile;
        var types = FileContentTypes.AllowList(command.AllowedContentTypes);

        return new HomeworkAssigned(
            newId,
            unit.EstablishmentId,
            unit.Id,
            teacher.Id,
            Require.Text(command.Subject, "Subject", 100),
            Require.Text(command.Title, "Title", 200),
            PersonalData.Of(teacher.Id, Require.Text(command.Instructions, "Instructions", 20_000)),
            command.DueAt,
            now,
            students,
            format,
            format == SubmissionFormat.Text ? [] : types,
            documents is { Count: > 0 } ? documents : null);
    }
}
