using MonBureau.Domain.Common;
using MonBureau.Domain.Files;
using MonBureau.Domain.People;

namespace MonBureau.Domain.LessonLog;

/// <summary>
/// One lesson in the cahier de textes: an official record, so an entry is never overwritten — each edit is its own
/// event and the history stays readable. The content is the teacher's text, sealed under the teacher's key.
/// </summary>
public sealed record LessonLogEntryWritten(
    Guid EntryId, Guid EstablishmentId, Guid TeachingUnitId, Guid TeacherId, string Subject, DateOnly LessonDate, string Title,
    PersonalData Content, DateTimeOffset WrittenAt, IReadOnlyList<AttachedFile>? Attachments = null) : IEstablishmentScoped;

public sealed record LessonLogEntryEdited(
    Guid EntryId, Guid EstablishmentId, Guid TeacherId, DateOnly LessonDate, string Title, PersonalData Content, DateTimeOffset EditedAt)
    : IEstablishmentScoped;

/// <summary>Attachments (documents handed out in class) are given when the entry is written; edits keep them.</summary>
public sealed record WriteLessonLogEntry(Guid TeachingUnitId, string Subject, DateOnly LessonDate, string Title, string Content, IReadOnlyList<UploadedFile>? Attachments = null) : Redacted;

public sealed record EditLessonLogEntry(Guid EntryId, DateOnly LessonDate, string Title, string Content) : Redacted;

public sealed record LessonLogEntry(Guid Id, Guid EstablishmentId, Guid TeachingUnitId, Guid TeacherId, DateOnly LessonDate)
{
    public static LessonLogEntry Create(LessonLogEntryWritten e) => new(e.EntryId, e.EstablishmentId, e.TeachingUnitId, e.TeacherId, e.LessonDate);

    public LessonLogEntry Apply(LessonLogEntryEdited e) => this with { LessonDate = e.LessonDate };
}

public static class LessonLogDecisions
{
    public const int MaxContentLength = 20_000;
    public const int MaxAttachments = 5;

    /// <param name="attachments">Each uploaded attachment with the id it will be stored under.</param>
    public static LessonLogEntryWritten Write(Guid newId, WriteLessonLogEntry command, Person teacher, TeachingUnit? unit, IReadOnlyList<(Guid FileId, UploadedFile File)> attachments, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(teacher);
        if (unit is null || !teacher.Holds(Role.Teacher, unit.EstablishmentId) || !teacher.Teaches(unit.Id))
            throw BusinessRuleException.NotFound("Class or group");
        if (!teacher.Teaches(unit.Id, command.Subject ?? ""))
            throw BusinessRuleException.Invalid($"You do not teach {command.Subject} there.");
        CheckDate(command.LessonDate, now);
        return new LessonLogEntryWritten(
            newId, unit.EstablishmentId, unit.Id, teacher.Id, Require.Text(command.Subject, "Subject", 100), command.LessonDate,
            Require.Text(command.Title, "Title", 200), PersonalData.Of(teacher.Id, Require.Text(command.Content, "Content", MaxContentLength)), now,
            FileRules.Attach(attachments, teacher.Id, FileContentTypes.All, MaxAttachments));
    }

    /// <summary>Only the author edits an entry; a colleague's or a missing one reads as not found.</summary>
    public static LessonLogEntryEdited Edit(EditLessonLogEntry command, Guid teacherId, LessonLogEntry? entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (entry is null || entry.TeacherId != teacherId)
            throw BusinessRuleException.NotFound("Lesson log entry");
        CheckDate(command.LessonDate, now);
        return new LessonLogEntryEdited(
            entry.Id, entry.EstablishmentId, teacherId, command.LessonDate, Require.Text(command.Title, "Title", 200),
            PersonalData.Of(teacherId, Require.Text(command.Content, "Content", MaxContentLength)), now);
    }

    // Teachers fill the log in advance and catch up afterwards, within the school year's reach.
    private static void CheckDate(DateOnly lessonDate, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (lessonDate < today.AddYears(-1) || lessonDate > today.AddYears(1))
            throw BusinessRuleException.Invalid("The lesson date must be within a year of today.");
    }
}
