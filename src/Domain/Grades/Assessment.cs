using System.Globalization;
using MonBureau.Domain.Common;
using MonBureau.Domain.Grading;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Grades;

/// <summary>What a student's line in the grade book says.</summary>
public enum MarkStatus
{
    /// <summary>A mark on the assessment's scale; counts in the averages.</summary>
    Marked,

    /// <summary>Absent (absent): not counted.</summary>
    Absent,

    /// <summary>Exempt (dispensé): not counted.</summary>
    Exempt,

    /// <summary>Not graded (non noté), e.g. work not handed in that the teacher chose not to mark: not counted.</summary>
    NotGraded,
}

/// <summary>
/// An assessment (évaluation, devoir) of a class or group in one subject: its term follows from its date, its marks
/// are out of <c>OutOf</c> (the barème's maximum, or 20) and weigh <c>Coefficient</c> in the subject's average.
/// </summary>
public sealed record CreateAssessment(
    Guid TeachingUnitId, string Subject, string Title, DateOnly Date, decimal? Coefficient = null, Guid? GradingScaleId = null, decimal? OutOf = null);

public sealed record AssessmentCreated(
    Guid AssessmentId, Guid EstablishmentId, Guid TeachingUnitId, Guid TeacherId, string Subject, string Title, DateOnly Date,
    SchoolYear SchoolYear, int Term, decimal OutOf, decimal Coefficient, Guid? GradingScaleId, DateTimeOffset CreatedAt) : IEstablishmentScoped;

/// <summary>One student's line as the teacher types it; the comment is free text about the student.</summary>
public sealed record MarkInput(Guid StudentId, MarkStatus Status, decimal? Value, string? Comment) : Redacted;

public sealed record EnterMarks(Guid AssessmentId, IReadOnlyList<MarkInput> Marks) : Redacted;

/// <summary>A student's line as recorded; <c>Comment</c> is sealed under the student's key.</summary>
public sealed record Mark(Guid StudentId, MarkStatus Status, decimal? Value, PersonalData? Comment);

/// <summary>Marks typed or corrected in one go; a later entry for the same student replaces the earlier one, which stays in the history.</summary>
public sealed record MarksEntered(Guid AssessmentId, Guid EstablishmentId, Guid TeacherId, IReadOnlyList<Mark> Marks, DateTimeOffset EnteredAt) : IEstablishmentScoped;

/// <summary>The class or group being assessed, as the decision needs to see it.</summary>
public sealed record AssessedUnit(Guid Id, Guid EstablishmentId, SchoolYear SchoolYear);

public sealed record Assessment(Guid Id, Guid EstablishmentId, Guid TeachingUnitId, Guid TeacherId, string Subject, decimal OutOf)
{
    public static Assessment Create(AssessmentCreated e) => new(e.AssessmentId, e.EstablishmentId, e.TeachingUnitId, e.TeacherId, e.Subject, e.OutOf);
}

public static class AssessmentDecisions
{
    public const decimal DefaultOutOf = 20m;
    public const decimal MaxCoefficient = 20m;
    public const int MaxMarksAtOnce = 60;

    /// <param name="unit">The class or group, null when missing.</param>
    /// <param name="scale">The barème named by the command, null when none was named or it does not exist.</param>
    public static AssessmentCreated Create(
        Guid newId, CreateAssessment command, Person teacher, AssessedUnit? unit, GradeCalendar? calendar, GradingScale? scale, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(teacher);
        // A class the teacher does not teach answers like a missing one: nothing leaks across classes or schools.
        if (unit is null || calendar is null || !teacher.Holds(Role.Teacher, unit.EstablishmentId) || !teacher.Teaches(unit.Id))
            throw BusinessRuleException.NotFound("Class or group");
        var written = Require.Text(command.Subject, "Subject", 100);
        // Spelled as the teaching is, so a subject's marks, averages and appreciations gather under one name.
        var subject = teacher.Teachings.FirstOrDefault(t => t.TeachingUnitId == unit.Id && TeachingDecisions.SameSubject(t.Subject, written))?.Subject
            ?? throw BusinessRuleException.Invalid($"You do not teach {written} there.");
        var title = Require.Text(command.Title, "Title", 200);
        var term = calendar.TermOn(unit.SchoolYear, command.Date)
            ?? throw BusinessRuleException.Invalid($"The date {command.Date:yyyy-MM-dd} is in no term of the school year {unit.SchoolYear}.");
        var outOf = OutOf(command, teacher.Id, unit.EstablishmentId, scale);
        var coefficient = command.Coefficient ?? 1m;
        if (coefficient <= 0 || coefficient > MaxCoefficient || decimal.Round(coefficient, 2) != coefficient)
            throw BusinessRuleException.Invalid($"The coefficient must be above 0 and at most {MaxCoefficient}, with at most two decimals.");

        return new AssessmentCreated(
            newId, unit.EstablishmentId, unit.Id, teacher.Id, subject, title, command.Date, unit.SchoolYear, term.Number, outOf, coefficient,
            scale?.Id, now);
    }

    private static decimal OutOf(CreateAssessment command, Guid teacherId, Guid establishmentId, GradingScale? scale)
    {
        if (command.GradingScaleId is null)
        {
            var outOf = command.OutOf ?? DefaultOutOf;
            if (outOf <= 0 || outOf > 1000 || decimal.Round(outOf, 2) != outOf)
                throw BusinessRuleException.Invalid("Marks are out of a number above 0 and at most 1000, e.g. 20.");
            return outOf;
        }

        if (command.OutOf is not null)
            throw BusinessRuleException.Invalid("Give a grading scale (barème) or a maximum mark, not both.");
        if (scale is null || !scale.UsableBy(teacherId, establishmentId))
            throw BusinessRuleException.NotFound("Grading scale");
        return scale.Kind == GradingScaleKind.Numeric && scale.Maximum is { } max
            ? max
            : throw BusinessRuleException.Invalid($"The scale {scale.Name} has levels, not marks: averages need a scale out of a number.");
    }

    /// <param name="unitStudents">The students of the assessed class or group now.</param>
    public static MarksEntered EnterMarks(EnterMarks command, Guid teacherId, Assessment? assessment, IReadOnlySet<Guid> unitStudents, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(unitStudents);
        if (assessment is null || assessment.TeacherId != teacherId)
            throw BusinessRuleException.NotFound("Assessment");
        var lines = command.Marks ?? [];
        if (lines.Count == 0 || lines.Count > MaxMarksAtOnce)
            throw BusinessRuleException.Invalid($"Enter 1 to {MaxMarksAtOnce} marks at once.");
        if (lines.Select(l => l.StudentId).Distinct().Count() != lines.Count)
            throw BusinessRuleException.Invalid("Each student appears once in an entry.");
        // Every line is checked before anything is recorded: one bad mark refuses the whole entry.
        var marks = lines.Select(line => Check(line, assessment, unitStudents)).ToList();
        return new MarksEntered(assessment.Id, assessment.EstablishmentId, teacherId, marks, now);
    }

    private static Mark Check(MarkInput line, Assessment assessment, IReadOnlySet<Guid> unitStudents)
    {
        if (!unitStudents.Contains(line.StudentId))
            throw BusinessRuleException.NotFound($"Student {line.StudentId} in this class or group");
        var comment = string.IsNullOrWhiteSpace(line.Comment) ? null : PersonalData.Of(line.StudentId, Require.Text(line.Comment, "Comment", 300));
        if (line.Status != MarkStatus.Marked)
        {
            return line.Value is null
                ? new Mark(line.StudentId, line.Status, null, comment)
                : throw BusinessRuleException.Invalid($"A student marked {line.Status} has no mark value.");
        }

        if (line.Value is not { } value || value < 0 || value > assessment.OutOf || decimal.Round(value, 2) != value)
            throw BusinessRuleException.Invalid(
                $"Mark {line.Value?.ToString(CultureInfo.InvariantCulture) ?? "(none)"} must be a number from 0 to {assessment.OutOf.ToString(CultureInfo.InvariantCulture)} with at most two decimals.");
        return new Mark(line.StudentId, MarkStatus.Marked, value, comment);
    }
}
