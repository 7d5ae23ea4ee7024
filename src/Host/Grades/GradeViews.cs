using MonBureau.Domain.Common;
using MonBureau.Domain.Grades;
using MonBureau.Projections.Grades;
using MonBureau.Projections.People;

namespace MonBureau.Host.Grades;

/// <summary>A term with its report cards' publication, if scheduled.</summary>
internal sealed record TermView(Term Term, ReportCardPublication? Publication);

/// <summary>An establishment's terms for one school year and its guardians' delay on marks.</summary>
internal sealed record GradeCalendarView(SchoolYear SchoolYear, bool Defined, TimeSpan GuardianDelay, IReadOnlyList<TermView> Terms)
{
    public static GradeCalendarView Of(GradeCalendar calendar, SchoolYear year)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return new(year, calendar.Defined(year), calendar.GuardianDelay, [.. calendar.TermsOf(year).Select(t => new TermView(t, calendar.PublicationOf(year, t.Number)))]);
    }
}

internal sealed record GradeBookStudent(PersonDetails Student, decimal? Average);

/// <summary>The grade book (carnet de notes) of one class or group, subject and term.</summary>
internal sealed record GradeBook(
    Guid TeachingUnitId, string Subject, SchoolYear SchoolYear, TermView Term, IReadOnlyList<AssessmentDetails> Assessments, IReadOnlyList<GradeBookStudent> Students,
    ClassFigures? Class);

/// <summary>Where a student's report card of a term stands, for one reader.</summary>
internal sealed record ReportCardStatus(Guid StudentId, SchoolYear SchoolYear, TermView Term, bool Available)
{
    public string DownloadPath => $"{ReportCardEndpoint.Path}/{StudentId}/{SchoolYear.StartYear}/{Term.Term.Number}";
}
