using System.Globalization;
using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Grades;
using MonBureau.Projections.Grades;

namespace MonBureau.Host.Grades;

/// <summary>One assessment as a student's line shows it.</summary>
internal sealed record StudentMark(AssessmentDetails Assessment, MarkDetails Mark);

/// <summary>A student's subject in a term: their marks and average, the class's figures, and the teacher's appreciation when the reader may see it.</summary>
internal sealed record SubjectGrades(
    string Subject, Guid TeachingUnitId, decimal Coefficient, decimal? Average, ClassFigures? Class, IReadOnlyList<StudentMark> Marks, SubjectAppreciation? Appreciation);

/// <summary>A student's grades in one term, as one reader may see them.</summary>
internal sealed record StudentTermGrades(
    Guid StudentId, SchoolYear SchoolYear, Term Term, ReportCardPublication? Publication, IReadOnlyList<SubjectGrades> Subjects, decimal? GeneralAverage, PersonalData? GeneralAppreciation,
    bool ReportCardPublished);

/// <summary>Gathers a student's term from the grade books and applies who sees what (<see cref="GradeVisibility"/>) before any average is computed.</summary>
internal static class TermGrades
{
    private static readonly StringComparer French = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true);

    /// <summary>The reader's view: guardians on the establishment's delay, staff everything; a student or guardian sees appreciations once the report card is theirs.</summary>
    public static GradeReader ReaderFor(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role switch
        {
            Role.Student => GradeReader.Student,
            Role.Guardian => GradeReader.Guardian,
            _ => GradeReader.Staff,
        };
    }

    public static async Task<StudentTermGrades> OfStudentAsync(
        IQuerySession session, Guid studentId, SchoolYear year, Term term, GradeCalendar calendar, GradeReader reader, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var mine = await session.Query<AssessmentDetails>()
            .Where(a => a.StudentIds.Contains(studentId) && a.SchoolYear == year.StartYear && a.Term == term.Number)
            .ToListAsync(cancellationToken);
        var units = mine.Select(a => a.TeachingUnitId).Distinct().ToArray();
        // The class figures need every assessment of those grade books, including ones the student has no line in.
        var books = units.Length == 0 ? [] : await session.Query<AssessmentDetails>()
            .Where(a => a.TeachingUnitId.IsOneOf(units) && a.SchoolYear == year.StartYear && a.Term == term.Number)
            .ToListAsync(cancellationToken);
        var publication = calendar.PublicationOf(year, term.Number);
        var published = GradeVisibility.SeesReportCard(reader, publication, now);
        var notes = await session.LoadAsync<ReportCardNotes>(ReportCardIds.For(studentId, year, term.Number), cancellationToken);

        var subjects = books
            .GroupBy(a => (a.TeachingUnitId, a.Subject))
            .Where(g => mine.Any(a => a.TeachingUnitId == g.Key.TeachingUnitId && a.Subject == g.Key.Subject))
            .Select(g => Subject(g.Key.Subject, g.Key.TeachingUnitId, [.. g], studentId, reader, calendar.GuardianDelay, now, published ? notes?.For(g.Key.Subject) : null))
            .Where(s => s.Marks.Count > 0 || s.Appreciation is not null) // a guardian still within the delay sees no trace of a new mark
            .OrderBy(s => s.Subject, French)
            .ToList();
        var general = Averages.General(subjects.Select(s => new SubjectResult(s.Average, s.Coefficient)));
        return new StudentTermGrades(studentId, year, term, publication, subjects, general, published ? notes?.General : null, published);
    }

    /// <summary>A grade book's students and their averages, lines hidden from the reader left out first.</summary>
    public static IReadOnlyDictionary<Guid, decimal?> AveragesOf(IReadOnlyList<AssessmentDetails> book, GradeReader reader, TimeSpan guardianDelay, DateTimeOffset now) =>
        book.SelectMany(a => a.Marks.Where(m => GradeVisibility.SeesMark(reader, m.FirstEnteredAt, guardianDelay, now)).Select(m => (m.StudentId, Scored: a.Scored(m))))
            .GroupBy(x => x.StudentId)
            .ToDictionary(g => g.Key, g => Averages.OfSubject(g.Select(x => x.Scored)));

    private static SubjectGrades Subject(
        string subject, Guid unitId, IReadOnlyList<AssessmentDetails> book, Guid studentId, GradeReader reader, TimeSpan guardianDelay, DateTimeOffset now,
        SubjectAppreciation? appreciation)
    {
        var averages = AveragesOf(book, reader, guardianDelay, now);
        var marks = book
            .Select(a => (Assessment: a, Mark: a.MarkOf(studentId)))
            .Where(x => x.Mark is not null && GradeVisibility.SeesMark(reader, x.Mark.FirstEnteredAt, guardianDelay, now))
            .OrderBy(x => x.Assessment.Date)
            .Select(x => new StudentMark(x.Assessment, x.Mark!))
            .ToList();
        return new SubjectGrades(subject, unitId, 1m, averages.GetValueOrDefault(studentId), Averages.OfClass(averages.Values), marks, appreciation);
    }
}
