using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Grades;

/// <summary>A teacher's appreciation of a student in their subject for one term, as printed on the report card.</summary>
public sealed record WriteSubjectAppreciation(Guid StudentId, string Subject, int Term, string Text) : Redacted;

/// <summary>Direction's general appreciation (appréciation générale du conseil de classe) for one term.</summary>
public sealed record WriteGeneralAppreciation(Guid StudentId, int Term, string Text) : Redacted;

/// <summary>On the student's report-card stream of the term; a later one for the same subject replaces it. The text is sealed under the student.</summary>
public sealed record SubjectAppreciationWritten(
    Guid ReportCardId, Guid EstablishmentId, Guid StudentId, SchoolYear SchoolYear, int Term, string Subject, Guid TeacherId, PersonalData Text,
    DateTimeOffset WrittenAt) : IEstablishmentScoped;

public sealed record GeneralAppreciationWritten(
    Guid ReportCardId, Guid EstablishmentId, Guid StudentId, SchoolYear SchoolYear, int Term, Guid AuthorId, PersonalData Text, DateTimeOffset WrittenAt)
    : IEstablishmentScoped;

public static class ReportCardIds
{
    /// <summary>One stream per student and term, so appreciations find their report card without a lookup.</summary>
    public static Guid For(Guid studentId, SchoolYear year, int term) => NameBasedId.From($"report-card:{studentId:N}:{year.StartYear}:{term}");
}

public static class AppreciationDecisions
{
    public const int MaxLength = 600;

    /// <param name="student">The student, null when missing.</param>
    /// <param name="studentUnits">The student's class and groups now.</param>
    /// <param name="year">The school year of the student's class.</param>
    public static SubjectAppreciationWritten WriteForSubject(
        WriteSubjectAppreciation command, Person teacher, Person? student, IReadOnlyCollection<Guid> studentUnits, SchoolYear year,
        GradeCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(studentUnits);
        ArgumentNullException.ThrowIfNull(calendar);
        var written = Require.Text(command.Subject, "Subject", 100);
        // Only a teacher of that subject to one of the student's class or groups; anyone else finds no such student.
        var teaching = student is not null && student.Holds(Role.Student, calendar.EstablishmentId)
            ? teacher.Teachings.FirstOrDefault(t => studentUnits.Contains(t.TeachingUnitId) && TeachingDecisions.SameSubject(t.Subject, written))
            : null;
        if (student is null || teaching is null)
            throw BusinessRuleException.NotFound("Student in a class or group where you teach this subject");
        var subject = teaching.Subject;
        var term = TermOf(calendar, year, command.Term);
        var text = Require.Text(command.Text, "Appreciation", MaxLength);
        return new SubjectAppreciationWritten(
            ReportCardIds.For(student.Id, year, term), calendar.EstablishmentId, student.Id, year, term, subject, teacher.Id,
            PersonalData.Of(student.Id, text), now);
    }

    public static GeneralAppreciationWritten WriteGeneral(
        WriteGeneralAppreciation command, Guid authorId, Person? student, SchoolYear year, GradeCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(calendar);
        if (student is null || !student.Holds(Role.Student, calendar.EstablishmentId))
            throw BusinessRuleException.NotFound("Student");
        var term = TermOf(calendar, year, command.Term);
        var text = Require.Text(command.Text, "Appreciation", MaxLength);
        return new GeneralAppreciationWritten(ReportCardIds.For(student.Id, year, term), calendar.EstablishmentId, student.Id, year, term, authorId,
            PersonalData.Of(student.Id, text), now);
    }

    private static int TermOf(GradeCalendar calendar, SchoolYear year, int term) =>
        calendar.TermOf(year, term)?.Number ?? throw BusinessRuleException.NotFound($"Term {term} of {year}");
}
