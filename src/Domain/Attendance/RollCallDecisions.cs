using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Attendance;

public static class RollCallDecisions
{
    /// <summary>Latenesses beyond a four-hour lesson block are typing mistakes.</summary>
    public const int MaxLateMinutes = 240;

    /// <summary>
    /// The first submission for a lesson takes the roll call; a later one corrects it, recording only the marks that
    /// changed (nothing when none did). Students of the class or group who are not listed are present.
    /// </summary>
    /// <param name="unit">The class or group, when it exists in the teacher's establishment.</param>
    /// <param name="roster">The students of that class or group today.</param>
    /// <param name="existing">The roll call already taken for this lesson, if any.</param>
    public static object? Take(Guid rollCallId, TakeRollCall command, Person teacher, TeachingUnit? unit, IReadOnlyList<Guid> roster, RollCall? existing, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(roster);
        // A class the teacher does not teach answers exactly like a missing one.
        if (unit is null || !teacher.Holds(Role.Teacher, unit.EstablishmentId) || !teacher.Teaches(unit.Id))
            throw BusinessRuleException.NotFound("Class or group");
        var subject = Require.Text(command.Subject, "Subject", 100);
        if (!teacher.Teaches(unit.Id, subject))
            throw BusinessRuleException.Invalid($"You do not teach {subject} to this class or group.");
        var lesson = ValidLesson(command with { Subject = subject }, today);
        var marks = CompleteMarks(command.Marks ?? [], roster);

        if (existing is null)
            return new RollCallTaken(rollCallId, unit.EstablishmentId, lesson, teacher.Id, marks, now);
        // Same class or group, day and start: one lesson. Another subject there is a clash, not a correction.
        if (!TeachingDecisions.SameSubject(existing.Lesson.Subject, subject))
            throw new BusinessRuleException(ErrorCodes.Conflict, $"The roll call of a {existing.Lesson.Subject} lesson was already taken at that time.");
        var changes = Changes(existing, marks);
        return changes.Count == 0 ? null : new RollCallCorrected(rollCallId, unit.EstablishmentId, teacher.Id, changes, now);
    }

    /// <summary>What a correction changes: the marks that differ from the roll call as it stands, student by student.</summary>
    public static IReadOnlyList<RollCallChange> Changes(RollCall existing, IReadOnlyList<RollCallMark> marks)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(marks);
        return [.. marks.Select(m => new RollCallChange(m.StudentId, existing.MarkOf(m.StudentId), m)).Where(c => c.Before != c.After)];
    }

    private static Lesson ValidLesson(TakeRollCall command, DateOnly today)
    {
        if (command.End <= command.Start)
            throw BusinessRuleException.Invalid("A lesson ends after it starts.");
        if (command.Date > today)
            throw BusinessRuleException.Invalid("A roll call is taken on the day of the lesson, not before.");
        if (SchoolYear.Containing(command.Date) != SchoolYear.Containing(today))
            throw BusinessRuleException.Invalid("Roll calls of a past school year can no longer be changed.");
        return new Lesson(command.TeachingUnitId, command.Subject, command.Date, command.Start, command.End);
    }

    /// <summary>One mark per student of the roster, in roster order; unlisted students are present.</summary>
    private static RollCallMark[] CompleteMarks(IReadOnlyList<RollCallMark> listed, IReadOnlyList<Guid> roster)
    {
        var byStudent = new Dictionary<Guid, RollCallMark>();
        foreach (var mark in listed)
        {
            if (!roster.Contains(mark.StudentId))
                throw BusinessRuleException.Invalid("Every student of the roll call must belong to the class or group.");
            if (!byStudent.TryAdd(mark.StudentId, Valid(mark)))
                throw BusinessRuleException.Invalid("Each student appears at most once in a roll call.");
        }

        return [.. roster.Select(id => byStudent.GetValueOrDefault(id, new RollCallMark(id, Presence.Present)))];
    }

    private static RollCallMark Valid(RollCallMark mark) => mark.Presence switch
    {
        Presence.Late when mark.LateMinutes is not (> 0 and <= MaxLateMinutes) =>
            throw BusinessRuleException.Invalid($"A lateness is between 1 and {MaxLateMinutes} minutes."),
        Presence.Late => mark,
        _ when mark.LateMinutes is not null => throw BusinessRuleException.Invalid("Minutes late are given for a late student only."),
        _ => mark,
    };
}
