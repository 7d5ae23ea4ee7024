using System.Globalization;
using Marten;
using MonBureau.Projections.Attendance;
using MonBureau.Projections.Discipline;
using MonBureau.Projections.Grades;
using MonBureau.Projections.Homework;
using MonBureau.Projections.People;

namespace MonBureau.Host.Privacy;

/// <summary>One student's schooling as held by the school, and a line counting it for the readable summary.</summary>
public sealed record StudentRecordSection(object Data, string Counts);

/// <summary>
/// A student's schooling (vie scolaire and grade book): absences with their justification and the office's decision,
/// lateness, marks, report-card appreciations, homework, work handed in, punishments and sanctions. The same section
/// goes into the student's own export and into each child's part of a guardian's.
/// </summary>
public static class StudentRecordExport
{
    public static async Task<StudentRecordSection> GatherAsync(IQuerySession session, PersonDetails student, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(student);
        var id = student.Id;
        var absences = await session.Query<AbsenceView>().Where(a => a.StudentId == id).OrderBy(a => a.FirstDay).ToListAsync(cancellationToken);
        var latenesses = await session.Query<LatenessView>().Where(l => l.StudentId == id).OrderBy(l => l.Date).ToListAsync(cancellationToken);
        var assessments = await session.Query<AssessmentDetails>().Where(a => a.StudentIds.Contains(id)).OrderBy(a => a.Date).ToListAsync(cancellationToken);
        var reportCards = await session.Query<ReportCardNotes>().Where(r => r.StudentId == id).OrderBy(r => r.SchoolYear).ThenBy(r => r.Term).ToListAsync(cancellationToken);
        var homework = student.ClassId is { } classId
            ? await session.Query<HomeworkDetails>().Where(h => h.ClassId == classId).OrderBy(h => h.DueAt).ToListAsync(cancellationToken)
            : [];
        var submissions = await session.Query<SubmissionDetails>().Where(s => s.StudentId == id).OrderBy(s => s.SubmittedAt).ToListAsync(cancellationToken);
        var punishments = await session.Query<PunishmentDetails>().Where(p => p.StudentId == id).OrderBy(p => p.RecordedAt).ToListAsync(cancellationToken);
        var sanctions = await session.Query<SanctionDetails>().Where(s => s.StudentId == id).OrderBy(s => s.RecordedAt).ToListAsync(cancellationToken);

        var data = new
        {
            // Justification documents are not inlined: each opens with the file query.
            absences = absences.Select(a => new
            {
                a.Id, a.HalfDays, a.Lesson, a.Reason, a.RecordedBy, a.RecordedAt, a.Withdrawn, a.Justified,
                justification = new
                {
                    status = a.Justification, a.JustifiedBy, a.SubmittedReason, explanation = a.Explanation?.Value,
                    documents = a.Documents.Select(f => new { f.FileId, name = f.Name.Value, f.ContentType, f.Size }),
                    a.SubmittedAt, a.DecidedBy, decisionComment = a.DecisionComment?.Value, a.DecidedAt,
                },
            }),
            latenesses = latenesses.Select(l => new { l.Id, l.Date, l.Minutes, l.Lesson, l.Reason, l.RecordedBy, l.RecordedAt, l.Withdrawn }),
            marks = assessments.Select(a => (Assessment: a, Mark: a.MarkOf(id)!)).Select(x => new
            {
                x.Assessment.Subject, x.Assessment.Title, x.Assessment.Date, x.Assessment.SchoolYear, x.Assessment.Term,
                x.Assessment.OutOf, x.Assessment.Coefficient, x.Assessment.TeacherId,
                x.Mark.Status, x.Mark.Value, comment = x.Mark.Comment?.Value, x.Mark.FirstEnteredAt, x.Mark.LastEnteredAt, corrections = x.Mark.Entries - 1,
            }),
            reportCards = reportCards.Select(r => new
            {
                r.SchoolYear, r.Term,
                subjects = r.Subjects.Select(s => new { s.Subject, s.TeacherId, text = s.Text.Value, s.WrittenAt }),
                general = r.General?.Value, r.GeneralAuthorId, r.GeneralWrittenAt,
            }),
            homework = homework.Select(h => new { h.Subject, h.Title, instructions = h.Instructions.Value, h.DueAt }),
            // The files' bytes are not inlined: each opens with the file query for the person themself.
            submissions = submissions.Select(s => new
            {
                s.HomeworkId, text = s.Text?.Value, s.SubmittedAt, s.Late,
                files = s.Files.Select(f => new { f.FileId, name = f.Name.Value, f.ContentType, f.Size, f.Sha256 }),
                feedback = s.Feedback.Select(f => new { f.GivenAt, f.Grade, comment = f.Comment?.Value }),
            }),
            punishments = punishments.Select(p => new { p.Kind, facts = p.Facts.Value, p.GivenOn, p.GivenBy, p.GivenAs }),
            sanctions = sanctions.Select(s => new { s.Kind, facts = s.Facts.Value, s.ExclusionDays, s.DecidedOn, s.ErasedOn, s.PronouncedBy }),
        };
        var counts = string.Create(CultureInfo.InvariantCulture,
            $"{absences.Count} absences, {latenesses.Count} latenesses, {assessments.Count} marks, {reportCards.Count} report cards with appreciations, {homework.Count} homework assignments, {submissions.Count} homework handed in, {punishments.Count} punishments, {sanctions.Count} sanctions");
        return new StudentRecordSection(data, counts);
    }
}
