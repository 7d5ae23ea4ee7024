using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Establishments;
using MonBureau.Application.Files;
using MonBureau.Application.Privacy;
using MonBureau.Domain.Attendance;
using MonBureau.Domain.Common;
using MonBureau.Domain.Privacy;

namespace MonBureau.Application.Attendance;

/// <summary>
/// School-life data leaves the file after its school year plus the period the establishment sets (0 to 1 year):
/// absences and latenesses of that year are erased from the student's record. The family's explanations and the
/// office's comments are sealed under the student's key, which outlives the year, so they are masked in the events and
/// the justification documents deleted; the dates and half-days stay in the event log for the indicators, under ids.
/// </summary>
internal static class AttendancePurge
{
    public static async Task<IReadOnlyList<Guid?>> RunAsync(IDocumentSession session, EventChainSealer eventChain, TimeProvider clock, bool dryRun, CancellationToken cancellationToken)
    {
        var today = EstablishmentClock.Today(clock, null);
        var currentYearStart = SchoolYear.Containing(today).FirstDay;
        var kept = await RetentionCutoffs.LoadAsync(session, RetentionCategory.SchoolLifeData, cancellationToken);
        var records = await session.Query<StudentAttendance>()
            .Where(r => r.OldestDay != null && r.OldestDay < currentYearStart)
            .ToListAsync(cancellationToken);
        bool Due(StudentAttendance record, DateOnly day) =>
            SchoolYear.Containing(day).LastDay.AddDays((int)kept.For(record.EstablishmentId).TotalDays) < today;

        var due = records
            .Select(r => new DueOnFile(r, [.. r.Absences.Where(a => Due(r, a.HalfDays.Max().Date))], [.. r.Latenesses.Where(l => Due(r, l.Date))]))
            .Where(d => d.Absences.Count + d.Latenesses.Count > 0)
            .ToList();
        Guid?[] establishments = [.. due.SelectMany(d => Enumerable.Repeat((Guid?)d.Record.EstablishmentId, d.Absences.Count + d.Latenesses.Count))];
        if (dryRun || establishments.Length == 0)
            return establishments;

        var justified = due.Where(d => d.Absences.Any(a => a.Justification != JustificationStatus.None)).ToList();
        var documents = new List<Guid>();
        foreach (var (record, absences, _) in justified)
        {
            var ids = absences.Select(a => a.Id).ToHashSet();
            var events = await session.Events.FetchStreamAsync(record.Id, token: cancellationToken);
            documents.AddRange(events.Select(e => e.Data).OfType<AbsenceJustificationSubmitted>()
                .Where(j => ids.Contains(j.AbsenceId)).SelectMany(j => j.Documents ?? []).Select(d => d.FileId));
        }

        if (justified.Count > 0)
        {
            await eventChain.MaskAsync(session, RetentionCategory.SchoolLifeData, [.. justified.Select(d => d.Record.Id)], masking =>
            {
                foreach (var (record, absences, _) in justified)
                {
                    var ids = absences.Select(a => a.Id).ToHashSet();
                    masking.IncludeStream(record.Id, e => AbsenceOf(e.Data) is { } absence && ids.Contains(absence));
                }
            }, cancellationToken);
        }

        FileStore.Delete(session, documents);
        var now = clock.GetUtcNow();
        foreach (var (record, absences, latenesses) in due)
        {
            session.Events.Append(record.Id, [
                .. absences.Select(a => (object)new AbsenceErased(a.Id, record.StudentId, record.EstablishmentId, now)),
                .. latenesses.Select(l => (object)new LatenessErased(l.Id, record.StudentId, record.EstablishmentId, now)),
            ]);
        }

        return establishments;
    }

    private sealed record DueOnFile(StudentAttendance Record, List<RecordedAbsence> Absences, List<RecordedLateness> Latenesses);

    private static Guid? AbsenceOf(object data) => data switch
    {
        AbsenceJustificationSubmitted e => e.AbsenceId,
        AbsenceJustificationAccepted e => e.AbsenceId,
        AbsenceJustificationRejected e => e.AbsenceId,
        _ => null,
    };

    public static AbsenceJustificationSubmitted WithoutWords(AbsenceJustificationSubmitted e) => e with
    {
        Explanation = new(e.Explanation.SubjectId, null),
        Documents = e.Documents?.Select(d => d with { Name = new(d.Name.SubjectId, null) }).ToList(),
    };

    public static AbsenceJustificationAccepted WithoutWords(AbsenceJustificationAccepted e) =>
        e with { Comment = e.Comment is null ? null : new(e.Comment.SubjectId, null) };

    public static AbsenceJustificationRejected WithoutWords(AbsenceJustificationRejected e) => e with { Comment = new(e.Comment.SubjectId, null) };
}
