using MonBureau.Domain.Common;
using MonBureau.Domain.Homework;

namespace MonBureau.Domain.LessonLog;

/// <summary>
/// Reuses a teacher's course sequence (séquence: lessons and homework of one subject over some weeks) in another class or
/// group, or next school year: every date moves by the same number of days so the sequence keeps its rhythm.
/// </summary>
public sealed record CloneCourseSequence(Guid FromTeachingUnitId, string Subject, DateOnly From, DateOnly To, Guid ToTeachingUnitId, DateOnly StartingOn);

/// <summary>How much was copied.</summary>
public sealed record CourseSequenceCopied(int Lessons, int Homework);

/// <summary>A lesson of the sequence as last written (edits applied).</summary>
public sealed record SequenceLesson(DateOnly LessonDate, string Title, string Content);

public sealed record SequenceHomework(string Title, string Instructions, DateTimeOffset DueAt, SubmissionFormat ExpectedFormat, IReadOnlyList<string>? AllowedContentTypes);

public static class CourseSequenceDecisions
{
    public const int MaxItems = 200;

    /// <summary>The commands that write the sequence again in the target; each then passes the usual rules (teaching, dates).</summary>
    public static (IReadOnlyList<WriteLessonLogEntry> Lessons, IReadOnlyList<AssignHomework> Homework) Plan(
        CloneCourseSequence command, bool targetIsGroup, IReadOnlyList<SequenceLesson> lessons, IReadOnlyList<SequenceHomework> homework)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(lessons);
        ArgumentNullException.ThrowIfNull(homework);
        if (command.To < command.From)
            throw BusinessRuleException.Invalid("The sequence must end on or after its first day.");
        if (command.FromTeachingUnitId == command.ToTeachingUnitId && command.StartingOn == command.From)
            throw BusinessRuleException.Invalid("Copying a sequence onto itself changes nothing: choose another class, group or starting day.");
        if (lessons.Count + homework.Count == 0)
            throw BusinessRuleException.Invalid("You have no lesson log entry or homework in that subject and period to copy.");
        if (lessons.Count + homework.Count > MaxItems)
            throw BusinessRuleException.Invalid($"A sequence copies at most {MaxItems} lessons and homework; choose a shorter period.");

        var shift = command.StartingOn.DayNumber - command.From.DayNumber;
        var (classId, groupId) = targetIsGroup ? ((Guid?)null, (Guid?)command.ToTeachingUnitId) : (command.ToTeachingUnitId, null);
        return (
            [.. lessons.Select(l => new WriteLessonLogEntry(command.ToTeachingUnitId, command.Subject, l.LessonDate.AddDays(shift), l.Title, l.Content))],
            [.. homework.Select(h => new AssignHomework(classId, command.Subject, h.Title, h.Instructions, h.DueAt.AddDays(shift), groupId, null, h.ExpectedFormat, h.AllowedContentTypes))]);
    }
}
