using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Homework;

/// <summary>
/// New instructions, due date and format for work already set. <c>ExpectedVersion</c> is the version the teacher
/// was looking at: if someone changed the work meanwhile, the edit is refused rather than silently overwriting theirs.
/// </summary>
public sealed record EditHomework(Guid HomeworkId, long ExpectedVersion, string Instructions, DateTimeOffset DueAt, SubmissionFormat? ExpectedFormat = null) : Redacted;

/// <summary>The instructions are the editing teacher's text, sealed under their key.</summary>
public sealed record HomeworkEdited(
    Guid HomeworkId, Guid EstablishmentId, Guid TeacherId, PersonalData Instructions, DateTimeOffset DueAt, SubmissionFormat ExpectedFormat,
    DateTimeOffset EditedAt) : IEstablishmentScoped;

public static class HomeworkEditing
{
    /// <param name="homework">The work as it is now, null when missing.</param>
    /// <param name="currentVersion">Its stream version now.</param>
    public static HomeworkEdited Edit(EditHomework command, Person teacher, Homework? homework, long currentVersion, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(teacher);
        // Only a teacher of the class or group may edit its work; to anyone else it does not exist.
        if (homework is null || !teacher.Holds(Role.Teacher, homework.EstablishmentId) || !teacher.Teaches(homework.ClassId))
            throw BusinessRuleException.NotFound("Homework");
        if (command.ExpectedVersion != currentVersion)
            throw VersionConflict(currentVersion);
        HomeworkDecisions.CheckDueDate(command.DueAt, now);
        return new HomeworkEdited(
            homework.Id,
            homework.EstablishmentId,
            teacher.Id,
            PersonalData.Of(teacher.Id, Require.Text(command.Instructions, "Instructions", 20_000)),
            command.DueAt,
            command.ExpectedFormat ?? homework.ExpectedFormat,
            now);
    }

    /// <summary>CONFLICT carrying the version to reload, for whoever edited from an older one.</summary>
    public static BusinessRuleException VersionConflict(long currentVersion) =>
        new(ErrorCodes.Conflict, $"This homework was changed meanwhile (now version {currentVersion}); reload it and apply your change again.")
        {
            Extensions = new Dictionary<string, object> { ["currentVersion"] = currentVersion },
        };
}
