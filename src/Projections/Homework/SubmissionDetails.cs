using Marten.Events.Aggregation;
using MonBureau.Domain.Common;
using MonBureau.Domain.Files;
using MonBureau.Domain.Grading;
using MonBureau.Domain.Homework;

namespace MonBureau.Projections.Homework;

/// <summary>A student's current submission for one homework, how many times it was handed in, and the feedback given on it.</summary>
public sealed class SubmissionDetails
{
    public Guid Id { get; set; }
    public Guid HomeworkId { get; set; }
    public Guid EstablishmentId { get; set; }
    public Guid StudentId { get; set; }
    public PersonalData? Text { get; set; }
    public List<AttachedFile> Files { get; set; } = [];
    public DateTimeOffset FirstSubmittedAt { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public int Versions { get; set; }
    public bool Late { get; set; }
    public List<Feedback> Feedback { get; set; } = [];
}

/// <summary>One dated feedback; the latest is the one that counts, earlier ones stay as given.</summary>
public sealed record Feedback(Guid TeacherId, Grade? Grade, PersonalData? Comment, DateTimeOffset GivenAt);

public partial class SubmissionDetailsProjection : SingleStreamProjection<SubmissionDetails, Guid>
{
    public static SubmissionDetails Create(HomeworkSubmitted e) => new()
    {
        Id = e.SubmissionId,
        HomeworkId = e.HomeworkId,
        EstablishmentId = e.EstablishmentId,
        StudentId = e.StudentId,
        FirstSubmittedAt = e.SubmittedAt,
        Text = e.Text,
        Files = [.. e.Files],
        SubmittedAt = e.SubmittedAt,
        Versions = 1,
        Late = e.Late,
    };

    public void Apply(HomeworkSubmitted e, SubmissionDetails submission)
    {
        submission.Text = e.Text;
        submission.Files = [.. e.Files];
        submission.SubmittedAt = e.SubmittedAt;
        submission.Versions++;
        submission.Late = e.Late;
    }

    public bool ShouldDelete(SubmissionPurged e) => true;

    public void Apply(SubmissionFeedbackGiven e, SubmissionDetails submission) =>
        submission.Feedback.Add(new Feedback(e.TeacherId, e.Grade, e.Comment, e.GivenAt));
}
