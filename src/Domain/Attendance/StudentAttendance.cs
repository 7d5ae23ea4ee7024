using MonBureau.Domain.Common;
using MonBureau.Domain.Files;

namespace MonBureau.Domain.Attendance;

/// <summary>Where the guardian's justification of an absence stands.</summary>
public enum JustificationStatus
{
    None,
    Pending,
    Accepted,
    Rejected,
}

/// <summary>
/// A student's absence over whole half-days: from a roll call (the lesson's half-day, with <see cref="Lesson"/>) or
/// recorded by the school-life office (a half-day, a day or a period). A reason that counts as justified justifies it.
/// </summary>
public sealed record AbsenceRecorded(
    Guid AbsenceId, Guid StudentId, Guid EstablishmentId, IReadOnlyList<HalfDay> HalfDays, Guid? RollCallId, Lesson? Lesson,
    AbsenceReason? Reason, Guid RecordedBy, DateTimeOffset RecordedAt) : IEstablishmentScoped;

/// <summary>The absence was a mistake (a corrected roll call): it no longer counts.</summary>
public sealed record AbsenceWithdrawn(Guid AbsenceId, Guid StudentId, Guid EstablishmentId, Guid WithdrawnBy, DateTimeOffset WithdrawnAt) : IEstablishmentScoped;

public sealed record LatenessRecorded(
    Guid LatenessId, Guid StudentId, Guid EstablishmentId, DateOnly Date, int Minutes, Guid? RollCallId, Lesson? Lesson,
    AbsenceReason? Reason, Guid RecordedBy, DateTimeOffset RecordedAt) : IEstablishmentScoped;

public sealed record LatenessWithdrawn(Guid LatenessId, Guid StudentId, Guid EstablishmentId, Guid WithdrawnBy, DateTimeOffset WithdrawnAt) : IEstablishmentScoped;

/// <summary>
/// A guardian explains an absence; the explanation is the family's free text and the documents (scans) are the
/// student's record, so both are sealed under the student's key.
/// </summary>
public sealed record AbsenceJustificationSubmitted(
    Guid AbsenceId, Guid StudentId, Guid EstablishmentId, Guid GuardianId, AbsenceReason Reason, PersonalData Explanation, DateTimeOffset SubmittedAt,
    IReadOnlyList<AttachedFile>? Documents = null) : IEstablishmentScoped;

public sealed record AbsenceJustificationAccepted(
    Guid AbsenceId, Guid StudentId, Guid EstablishmentId, Guid DecidedBy, AbsenceReason Reason, PersonalData? Comment, DateTimeOffset DecidedAt) : IEstablishmentScoped;

public sealed record AbsenceJustificationRejected(
    Guid AbsenceId, Guid StudentId, Guid EstablishmentId, Guid DecidedBy, PersonalData Comment, DateTimeOffset DecidedAt) : IEstablishmentScoped;

/// <summary>
/// The legal absenteeism signal: at least <see cref="AbsenteeismAlerts.Threshold"/> unjustified half-days in one
/// calendar month. Raised once per student and month, for the CPE and the direction.
/// </summary>
public sealed record AbsenteeismAlertRaised(
    Guid AlertId, Guid StudentId, Guid EstablishmentId, int Year, int Month, int UnjustifiedHalfDays, DateTimeOffset RaisedAt) : IEstablishmentScoped;

/// <summary>
/// The absence's retention ran out (school-life data: its school year plus the establishment's period): it leaves the
/// student's file. The family's explanation and the office's comment were masked in the events beforehand.
/// </summary>
public sealed record AbsenceErased(Guid AbsenceId, Guid StudentId, Guid EstablishmentId, DateTimeOffset ErasedAt) : IEstablishmentScoped;

/// <summary>The lateness's retention ran out: it leaves the student's file.</summary>
public sealed record LatenessErased(Guid LatenessId, Guid StudentId, Guid EstablishmentId, DateTimeOffset ErasedAt) : IEstablishmentScoped;

public sealed record RecordedAbsence(Guid Id, IReadOnlyList<HalfDay> HalfDays, Guid? RollCallId, bool Justified, JustificationStatus Justification, AbsenceReason? SubmittedReason);

public sealed record RecordedLateness(Guid Id, Guid? RollCallId, int Minutes, DateOnly Date);

/// <summary>A student's attendance record in one establishment (dossier d'assiduité): what decisions about it need.</summary>
public sealed record StudentAttendance(
    Guid Id, Guid StudentId, Guid EstablishmentId, IReadOnlyList<RecordedAbsence> Absences, IReadOnlyList<RecordedLateness> Latenesses, IReadOnlyList<DateOnly> AlertedMonths)
{
    public static StudentAttendance Empty(Guid studentId, Guid establishmentId) =>
        new(AttendanceIds.StudentRecord(studentId, establishmentId), studentId, establishmentId, [], [], []);

    public StudentAttendance Apply(AbsenceRecorded e) =>
        this with { Absences = [.. Absences, new RecordedAbsence(e.AbsenceId, e.HalfDays, e.RollCallId, e.Reason?.CountsAsJustified == true, JustificationStatus.None, null)] };

    public StudentAttendance Apply(AbsenceWithdrawn e) => this with { Absences = [.. Absences.Where(a => a.Id != e.AbsenceId)] };

    public StudentAttendance Apply(LatenessRecorded e) => this with { Latenesses = [.. Latenesses, new RecordedLateness(e.LatenessId, e.RollCallId, e.Minutes, e.Date)] };

    public StudentAttendance Apply(LatenessWithdrawn e) => this with { Latenesses = [.. Latenesses.Where(l => l.Id != e.LatenessId)] };

    public StudentAttendance Apply(AbsenceErased e) => this with { Absences = [.. Absences.Where(a => a.Id != e.AbsenceId)] };

    public StudentAttendance Apply(LatenessErased e) => this with { Latenesses = [.. Latenesses.Where(l => l.Id != e.LatenessId)] };

    /// <summary>The earliest day still on file, so a purge finds the records holding a past school year without reading them all.</summary>
    public DateOnly? OldestDay => Absences.SelectMany(a => a.HalfDays).Select(h => (DateOnly?)h.Date).Concat(Latenesses.Select(l => (DateOnly?)l.Date)).Min();

    public StudentAttendance Apply(AbsenceJustificationSubmitted e) =>
        Change(e.AbsenceId, a => a with { Justification = JustificationStatus.Pending, SubmittedReason = e.Reason });

    public StudentAttendance Apply(AbsenceJustificationAccepted e) =>
        Change(e.AbsenceId, a => a with { Justification = JustificationStatus.Accepted, Justified = true });

    public StudentAttendance Apply(AbsenceJustificationRejected e) => Change(e.AbsenceId, a => a with { Justification = JustificationStatus.Rejected });

    public StudentAttendance Apply(AbsenteeismAlertRaised e) => this with { AlertedMonths = [.. AlertedMonths, new DateOnly(e.Year, e.Month, 1)] };

    /// <summary>The state after these events, in order; events it does not know leave it unchanged.</summary>
    public StudentAttendance Evolve(IEnumerable<object> events) => events.Aggregate(this, (state, e) => e switch
    {
        AbsenceRecorded x => state.Apply(x),
        AbsenceWithdrawn x => state.Apply(x),
        LatenessRecorded x => state.Apply(x),
        LatenessWithdrawn x => state.Apply(x),
        AbsenceJustificationSubmitted x => state.Apply(x),
        AbsenceJustificationAccepted x => state.Apply(x),
        AbsenceJustificationRejected x => state.Apply(x),
        AbsenteeismAlertRaised x => state.Apply(x),
        AbsenceErased x => state.Apply(x),
        LatenessErased x => state.Apply(x),
        _ => state,
    });

    /// <summary>Half-days of absence no justified absence covers (<see cref="HalfDayCount"/>).</summary>
    public IReadOnlySet<HalfDay> UnjustifiedHalfDays() => HalfDayCount.Of(Absences.Select(a => ((IEnumerable<HalfDay>)a.HalfDays, a.Justified))).Unjustified;

    public IReadOnlySet<HalfDay> JustifiedHalfDays() => HalfDayCount.Of(Absences.Select(a => ((IEnumerable<HalfDay>)a.HalfDays, a.Justified))).Justified;

    private StudentAttendance Change(Guid absenceId, Func<RecordedAbsence, RecordedAbsence> change) =>
        this with { Absences = [.. Absences.Select(a => a.Id == absenceId ? change(a) : a)] };
}
