using MonBureau.Domain.Common;
using MonBureau.Domain.Files;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Attendance;

/// <summary>Decisions on one student's attendance record. Each returns the events to append, alerts included.</summary>
public static class AttendanceDecisions
{
    private const int MaxTextLength = 2_000;

    /// <summary>How far ahead the office may record an announced absence (a planned hospital stay).</summary>
    private const int MaxDaysAhead = 31;

    /// <summary>Brings the record in line with the student's mark in a roll call: records, withdraws or replaces what that roll call said.</summary>
    public static IReadOnlyList<object> FromRollCall(StudentAttendance record, Guid rollCallId, Lesson lesson, RollCallMark mark, Guid by, Func<Guid> newId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(lesson);
        ArgumentNullException.ThrowIfNull(mark);
        ArgumentNullException.ThrowIfNull(newId);
        var events = new List<object>();
        var absence = record.Absences.FirstOrDefault(a => a.RollCallId == rollCallId);
        if (absence is not null && mark.Presence != Presence.Absent)
            events.Add(new AbsenceWithdrawn(absence.Id, record.StudentId, record.EstablishmentId, by, now));
        if (absence is null && mark.Presence == Presence.Absent)
            events.Add(new AbsenceRecorded(newId(), record.StudentId, record.EstablishmentId, [lesson.HalfDay], rollCallId, lesson, null, by, now));

        var lateness = record.Latenesses.FirstOrDefault(l => l.RollCallId == rollCallId);
        if (lateness is not null && (mark.Presence != Presence.Late || lateness.Minutes != mark.LateMinutes))
            events.Add(new LatenessWithdrawn(lateness.Id, record.StudentId, record.EstablishmentId, by, now));
        if (mark.Presence == Presence.Late && lateness?.Minutes != mark.LateMinutes)
            events.Add(new LatenessRecorded(newId(), record.StudentId, record.EstablishmentId, lesson.Date, mark.LateMinutes!.Value, rollCallId, lesson, null, by, now));

        return AbsenteeismAlerts.WithAlerts(record, events, now);
    }

    public static IReadOnlyList<object> RecordAbsence(StudentAttendance record, RecordAbsence command, AbsenceReasonCatalog catalog, Guid newId, Guid by, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(catalog);
        var from = new HalfDay(command.From, command.FromPart ?? DayPart.Morning);
        var to = new HalfDay(command.To ?? command.From, command.ToPart ?? DayPart.Afternoon);
        if (to < from)
            throw BusinessRuleException.Invalid("An absence ends after it starts.");
        if (to.Date > today.AddDays(MaxDaysAhead))
            throw BusinessRuleException.Invalid($"An absence is recorded at most {MaxDaysAhead} days ahead.");
        if (SchoolYear.Containing(from.Date) != SchoolYear.Containing(today) && from.Date < today)
            throw BusinessRuleException.Invalid("Absences of a past school year can no longer be recorded.");
        var halfDays = HalfDay.Between(from, to);
        if (halfDays.Count == 0)
            throw BusinessRuleException.Invalid("An absence covers at least one school half-day (Monday to Friday).");
        if (halfDays.Count > HalfDay.MaxPeriodHalfDays)
            throw BusinessRuleException.Invalid($"A period covers at most {HalfDay.MaxPeriodHalfDays} school half-days; record longer ones in parts.");
        var reason = command.ReasonCode is null ? null : catalog.Require(command.ReasonCode);

        return AbsenteeismAlerts.WithAlerts(record, [new AbsenceRecorded(newId, record.StudentId, record.EstablishmentId, halfDays, null, null, reason, by, now)], now);
    }

    public static LatenessRecorded RecordLateness(StudentAttendance record, RecordLateness command, AbsenceReasonCatalog catalog, Guid newId, Guid by, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(catalog);
        if (command.Minutes is not (> 0 and <= RollCallDecisions.MaxLateMinutes))
            throw BusinessRuleException.Invalid($"A lateness is between 1 and {RollCallDecisions.MaxLateMinutes} minutes.");
        if (command.Date > today)
            throw BusinessRuleException.Invalid("A lateness is recorded once it happened.");
        if (SchoolYear.Containing(command.Date) != SchoolYear.Containing(today))
            throw BusinessRuleException.Invalid("Latenesses of a past school year can no longer be recorded.");
        var reason = command.ReasonCode is null ? null : catalog.Require(command.ReasonCode);
        return new LatenessRecorded(newId, record.StudentId, record.EstablishmentId, command.Date, command.Minutes, null, null, reason, by, now);
    }

    /// <summary>A scanned certificate: at most this many documents per justification.</summary>
    public const int MaxJustificationDocuments = 2;

    /// <summary>What a scan of a paper certificate is: a PDF or a photo.</summary>
    public static readonly IReadOnlyList<string> JustificationDocumentTypes = [FileContentTypes.Pdf, FileContentTypes.Png, FileContentTypes.Jpeg];

    /// <summary>
    /// A guardian with the right to justify this child's absences explains one that is not justified yet. Documents
    /// belong to the student's record like the explanation, so they are sealed under the student's key: forgetting
    /// the student erases them, forgetting one guardian does not take the school's proof away.
    /// </summary>
    /// <param name="documents">Each uploaded document with the id it will be stored under.</param>
    public static AbsenceJustificationSubmitted Justify(
        StudentAttendance? record, JustifyAbsence command, Person guardian, AbsenceReasonCatalog catalog, IReadOnlyList<(Guid FileId, UploadedFile File)> documents, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(guardian);
        ArgumentNullException.ThrowIfNull(catalog);
        // Another family's absence answers exactly like a missing one.
        var child = guardian.Children.FirstOrDefault(c => c.StudentId == record?.StudentId && c.EstablishmentId == record.EstablishmentId);
        var absence = record?.Absences.FirstOrDefault(a => a.Id == command.AbsenceId);
        if (record is null || child is null || absence is null)
            throw BusinessRuleException.NotFound("Absence");
        if (!child.Rights.MayJustifyAbsences)
            throw BusinessRuleException.Forbidden();
        if (absence.Justified)
            throw new BusinessRuleException(ErrorCodes.Conflict, "This absence is already justified.");
        if (absence.Justification == JustificationStatus.Pending)
            throw new BusinessRuleException(ErrorCodes.Conflict, "A justification of this absence awaits the school-life office's decision.");

        return new AbsenceJustificationSubmitted(absence.Id, record.StudentId, record.EstablishmentId, guardian.Id,
            catalog.Require(command.ReasonCode), PersonalData.Of(record.StudentId, Require.Text(command.Explanation, "Explanation", MaxTextLength)), now,
            FileRules.Attach(documents, record.StudentId, JustificationDocumentTypes, MaxJustificationDocuments));
    }

    public static AbsenceJustificationAccepted Accept(StudentAttendance? record, AcceptAbsenceJustification command, AbsenceReasonCatalog catalog, Guid by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(catalog);
        var absence = Pending(record, command.AbsenceId);
        var reason = command.ReasonCode is null ? absence.SubmittedReason! : catalog.Require(command.ReasonCode);
        if (!reason.CountsAsJustified)
            throw BusinessRuleException.Invalid($"« {reason.Label} » does not justify an absence: reject the justification instead.");
        var comment = string.IsNullOrWhiteSpace(command.Comment) ? null : PersonalData.Of(record!.StudentId, Require.Text(command.Comment, "Comment", MaxTextLength));
        return new AbsenceJustificationAccepted(absence.Id, record!.StudentId, record.EstablishmentId, by, reason, comment, now);
    }

    /// <summary>The absence stays unjustified; the comment tells the family why.</summary>
    public static IReadOnlyList<object> Reject(StudentAttendance? record, RejectAbsenceJustification command, Guid by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var absence = Pending(record, command.AbsenceId);
        var comment = PersonalData.Of(record!.StudentId, Require.Text(command.Comment, "Comment", MaxTextLength));
        return AbsenteeismAlerts.WithAlerts(record, [new AbsenceJustificationRejected(absence.Id, record.StudentId, record.EstablishmentId, by, comment, now)], now);
    }

    private static RecordedAbsence Pending(StudentAttendance? record, Guid absenceId)
    {
        var absence = record?.Absences.FirstOrDefault(a => a.Id == absenceId) ?? throw BusinessRuleException.NotFound("Absence");
        return absence.Justification == JustificationStatus.Pending
            ? absence
            : throw new BusinessRuleException(ErrorCodes.Conflict, "No justification of this absence awaits a decision.");
    }
}
