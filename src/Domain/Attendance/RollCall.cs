using MonBureau.Domain.Common;

namespace MonBureau.Domain.Attendance;

/// <summary>What the teacher notes for one student at the start of a lesson (appel).</summary>
public enum Presence
{
    Present,
    Absent,
    Late,
}

/// <param name="LateMinutes">How late, for <see cref="Presence.Late"/> only.</param>
public sealed record RollCallMark(Guid StudentId, Presence Presence, int? LateMinutes = null);

/// <summary>One lesson: a class or group, a subject, a date and a slot in the establishment's local time.</summary>
public sealed record Lesson(Guid TeachingUnitId, string Subject, DateOnly Date, TimeOnly Start, TimeOnly End)
{
    public HalfDay HalfDay => HalfDay.OfLesson(Date, Start);
}

/// <summary>
/// The roll call of a whole lesson in one go. Students of the class or group not listed are present. Sending it again
/// for the same lesson (same class or group, date and start) corrects it.
/// </summary>
public sealed record TakeRollCall(Guid TeachingUnitId, string Subject, DateOnly Date, TimeOnly Start, TimeOnly End, IReadOnlyList<RollCallMark> Marks);

/// <summary>The first roll call of a lesson, with a mark for every student of the class or group.</summary>
public sealed record RollCallTaken(Guid RollCallId, Guid EstablishmentId, Lesson Lesson, Guid TeacherId, IReadOnlyList<RollCallMark> Marks, DateTimeOffset TakenAt) : IEstablishmentScoped;

/// <summary>One student's mark changed by a correction: what it was and what it became.</summary>
public sealed record RollCallChange(Guid StudentId, RollCallMark Before, RollCallMark After);

/// <summary>A later submission for the same lesson that changed some marks; the history of corrections is these events.</summary>
public sealed record RollCallCorrected(Guid RollCallId, Guid EstablishmentId, Guid TeacherId, IReadOnlyList<RollCallChange> Changes, DateTimeOffset CorrectedAt) : IEstablishmentScoped;

/// <summary>Write-side state of a roll call.</summary>
public sealed record RollCall(Guid Id, Guid EstablishmentId, Lesson Lesson, IReadOnlyList<RollCallMark> Marks)
{
    public static RollCall Create(RollCallTaken e) => new(e.RollCallId, e.EstablishmentId, e.Lesson, e.Marks);

    public RollCall Apply(RollCallCorrected e)
    {
        var after = e.Changes.ToDictionary(c => c.StudentId, c => c.After);
        return this with { Marks = [.. Marks.Select(m => after.GetValueOrDefault(m.StudentId, m)), .. e.Changes.Where(c => Marks.All(m => m.StudentId != c.StudentId)).Select(c => c.After)] };
    }

    public RollCallMark MarkOf(Guid studentId) => Marks.FirstOrDefault(m => m.StudentId == studentId) ?? new RollCallMark(studentId, Presence.Present);
}
