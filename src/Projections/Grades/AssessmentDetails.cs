using Marten.Events.Aggregation;
using MonBureau.Domain.Common;
using MonBureau.Domain.Grades;

namespace MonBureau.Projections.Grades;

/// <summary>One student's current line of an assessment; earlier entries stay in the assessment's events.</summary>
public sealed class MarkDetails
{
    public Guid StudentId { get; set; }
    public MarkStatus Status { get; set; }
    public decimal? Value { get; set; }
    public PersonalData? Comment { get; set; }

    /// <summary>When the student's line was first entered: guardians' delay counts from here.</summary>
    public DateTimeOffset FirstEnteredAt { get; set; }
    public DateTimeOffset LastEnteredAt { get; set; }

    /// <summary>How many times the line was entered; above 1 it was corrected.</summary>
    public int Entries { get; set; }
}

/// <summary>An assessment of the grade book with its marks, for the teacher, the student's family and direction.</summary>
public sealed class AssessmentDetails
{
    public Guid Id { get; set; }
    public Guid EstablishmentId { get; set; }
    public Guid TeachingUnitId { get; set; }
    public Guid TeacherId { get; set; }
    public string Subject { get; set; } = "";
    public string Title { get; set; } = "";
    public DateOnly Date { get; set; }
    public int SchoolYear { get; set; }
    public int Term { get; set; }
    public decimal OutOf { get; set; }
    public decimal Coefficient { get; set; }
    public Guid? GradingScaleId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<MarkDetails> Marks { get; set; } = [];

    /// <summary>The students who have a line, for finding a student's assessments with one indexed query.</summary>
    public List<Guid> StudentIds { get; set; } = [];

    public MarkDetails? MarkOf(Guid studentId) => Marks.FirstOrDefault(m => m.StudentId == studentId);

    /// <summary>The line as the averages weigh it.</summary>
    public ScoredMark Scored(MarkDetails mark)
    {
        ArgumentNullException.ThrowIfNull(mark);
        return new ScoredMark(mark.Status, mark.Value, OutOf, Coefficient);
    }
}

public partial class AssessmentDetailsProjection : SingleStreamProjection<AssessmentDetails, Guid>
{
    public static AssessmentDetails Create(AssessmentCreated e) => new()
    {
        Id = e.AssessmentId,
        EstablishmentId = e.EstablishmentId,
        TeachingUnitId = e.TeachingUnitId,
        TeacherId = e.TeacherId,
        Subject = e.Subject,
        Title = e.Title,
        Date = e.Date,
        SchoolYear = e.SchoolYear.StartYear,
        Term = e.Term,
        OutOf = e.OutOf,
        Coefficient = e.Coefficient,
        GradingScaleId = e.GradingScaleId,
        CreatedAt = e.CreatedAt,
    };

    public void Apply(MarksEntered e, AssessmentDetails assessment)
    {
        foreach (var mark in e.Marks)
        {
            var line = assessment.MarkOf(mark.StudentId);
            if (line is null)
            {
                line = new MarkDetails { StudentId = mark.StudentId, FirstEnteredAt = e.EnteredAt };
                assessment.Marks.Add(line);
                assessment.StudentIds.Add(mark.StudentId);
            }

            line.Status = mark.Status;
            line.Value = mark.Value;
            line.Comment = mark.Comment;
            line.LastEnteredAt = e.EnteredAt;
            line.Entries++;
        }
    }
}
