using MonBureau.Domain.Common;
using MonBureau.Domain.Messaging;

namespace MonBureau.Domain.Indicators;

/// <summary>What an indicator fact records; each comes from one event of the log.</summary>
public enum FactKind
{
    /// <summary>The establishment opened; <see cref="IndicatorFact.Code"/> holds its time zone.</summary>
    EstablishmentOpened,

    /// <summary>A student joined a class (enrolment or change of class); <see cref="IndicatorFact.UnitId"/> is the class.</summary>
    StudentPlaced,

    /// <summary>A student left the establishment's roll.</summary>
    StudentLeft,

    /// <summary>A student joined a group; <see cref="IndicatorFact.UnitId"/> is the group.</summary>
    GroupJoined,

    /// <summary>A student left a group.</summary>
    GroupLeft,

    /// <summary>Someone signed in with the profile <see cref="IndicatorFact.Role"/>.</summary>
    SignedIn,

    /// <summary>Homework was set to a class or group (<see cref="IndicatorFact.UnitId"/>), due at <see cref="IndicatorFact.DueAt"/>, for <see cref="IndicatorFact.Targets"/> when named.</summary>
    HomeworkSet,

    /// <summary>A student handed homework (<see cref="IndicatorFact.SubjectId"/>) in online.</summary>
    HomeworkHandedIn,

    /// <summary>A message was posted in a thread (<see cref="IndicatorFact.SubjectId"/>) by someone in the profile <see cref="IndicatorFact.Role"/>.</summary>
    MessagePosted,

    /// <summary>Direction changed the establishment's quiet hours (<see cref="IndicatorFact.QuietHours"/>).</summary>
    QuietHoursSet,

    /// <summary>A guardian (<see cref="IndicatorFact.PersonId"/>) became responsible for a student (<see cref="IndicatorFact.SubjectId"/>).</summary>
    GuardianLinked,

    /// <summary>A guardian's link to a student (<see cref="IndicatorFact.SubjectId"/>) ended.</summary>
    GuardianUnlinked,

    /// <summary>A teacher (<see cref="IndicatorFact.PersonId"/>) was appointed to the establishment.</summary>
    TeacherAppointed,

    /// <summary>
    /// A lesson's first roll call (<see cref="IndicatorFact.SubjectId"/>) by its teacher: <see cref="IndicatorFact.HalfDays"/> holds the
    /// lesson's half-day, <see cref="IndicatorFact.Targets"/> every student marked, <see cref="IndicatorFact.Absent"/> those marked absent.
    /// </summary>
    RollCallTaken,

    /// <summary>A roll call (<see cref="IndicatorFact.SubjectId"/>) corrected: <see cref="IndicatorFact.Targets"/> the students whose mark changed, <see cref="IndicatorFact.Absent"/> those now absent.</summary>
    RollCallCorrected,

    /// <summary>
    /// An absence (<see cref="IndicatorFact.SubjectId"/>) of a student over <see cref="IndicatorFact.HalfDays"/>;
    /// <see cref="IndicatorFact.Justifies"/> when recorded with a reason that counts as justified.
    /// </summary>
    AbsenceRecorded,

    /// <summary>An absence (<see cref="IndicatorFact.SubjectId"/>) withdrawn as a mistake.</summary>
    AbsenceWithdrawn,

    /// <summary>The school-life office accepted a justification of an absence (<see cref="IndicatorFact.SubjectId"/>); <see cref="IndicatorFact.Justifies"/> by its reason.</summary>
    AbsenceJustified,

    /// <summary>Someone (<see cref="IndicatorFact.PersonId"/>, in the profile <see cref="IndicatorFact.Role"/> when the event says it) acted in the module named by <see cref="IndicatorFact.Code"/>.</summary>
    ModuleUsed,
}

/// <summary>The ENT's modules whose use is measured (usage des modules).</summary>
public enum EntModule
{
    Messaging,
    Homework,
    LessonLog,
    Agenda,
    Resources,
    Grades,
    SchoolLife,
}

/// <summary>
/// One fact the indicators are computed from, extracted from one event (its id is the event's): identifiers, dates,
/// profiles and codes only, never personal data, so purges and erasures leave every fact — and every figure — intact.
/// </summary>
/// <param name="At">When it happened (the event's own date when it carries one, else when it was recorded).</param>
/// <param name="RecordedAt">When the event was recorded: an "as of" computation only sees facts recorded by then.</param>
/// <param name="PersonId">The student, the one who signed in, or the message's author.</param>
/// <param name="UnitId">The class or group.</param>
/// <param name="SubjectId">The homework, the message thread, the roll call, the absence, or the guardian's student.</param>
/// <param name="HalfDays">The half-days of an absence or of a roll call's lesson (establishment's local dates).</param>
/// <param name="Absent">The students marked absent at a roll call or by its correction.</param>
/// <param name="Justifies">Whether an absence's reason counts as justified.</param>
public sealed record IndicatorFact(
    Guid Id,
    FactKind Kind,
    Guid EstablishmentId,
    DateTimeOffset At,
    DateTimeOffset RecordedAt,
    Guid? PersonId = null,
    Role? Role = null,
    Guid? UnitId = null,
    Guid? SubjectId = null,
    DateTimeOffset? DueAt = null,
    IReadOnlyList<Guid>? Targets = null,
    QuietHours? QuietHours = null,
    string? Code = null,
    IReadOnlyList<Attendance.HalfDay>? HalfDays = null,
    IReadOnlyList<Guid>? Absent = null,
    bool? Justifies = null);
