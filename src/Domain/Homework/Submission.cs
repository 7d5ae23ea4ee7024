using MonBureau.Domain.Common;
using MonBureau.Domain.Files;
using MonBureau.Domain.Grading;

namespace MonBureau.Domain.Homework;

/// <summary>A student's (re)submission (remise en ligne). Each one replaces the previous; <c>Late</c> when after the due date.</summary>
public sealed record HomeworkSubmitted(
    Guid SubmissionId, Guid HomeworkId, Guid EstablishmentId, Guid StudentId, PersonalData? Text, IReadOnlyList<AttachedFile> Files,
    DateTimeOffset SubmittedAt, bool Late) : IEstablishmentScoped;

/// <summary>The teacher's dated feedback: an optional grade on a barème and a comment about the student's work (sealed under the student).</summary>
public sealed record SubmissionFeedbackGiven(
    Guid SubmissionId, Guid HomeworkId, Guid EstablishmentId, Guid StudentId, Guid TeacherId, Grade? Grade, PersonalData? Comment, DateTimeOffset GivenAt)
    : IEstablishmentScoped;

public sealed record SubmitHomework(Guid HomeworkId, string? Text, IReadOnlyList<UploadedFile>? Files) : Redacted;

public sealed record GiveSubmissionFeedback(Guid SubmissionId, Guid? GradingScaleId, string? Mark, string? Comment) : Redacted;

/// <summary>One stream per homework and student, so a resubmission lands on the same record.</summary>
public sealed record HomeworkSubmission(Guid Id, Guid HomeworkId, Guid EstablishmentId, Guid StudentId, DateTimeOffset SubmittedAt, bool HasFeedback)
{
    public static HomeworkSubmission Create(HomeworkSubmitted e) => new(e.SubmissionId, e.HomeworkId, e.EstablishmentId, e.StudentId, e.SubmittedAt, false);

    public HomeworkSubmission Apply(HomeworkSubmitted e) => this with { SubmittedAt = e.SubmittedAt };

    public HomeworkSubmission Apply(SubmissionFeedbackGiven e) => this with { HasFeedback = true };

    /// <summary>The stream of one student's work on one homework: derived, so finding it needs no lookup.</summary>
    public static Guid IdFor(Guid homeworkId, Guid studentId)
    {
        Span<byte> both = stackalloc byte[32];
        homeworkId.TryWriteBytes(both[..16]);
        studentId.TryWriteBytes(both[16..]);
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(both, hash);
        return new Guid(hash[..16]);
    }
}

public static class SubmissionDecisions
{
    public const int MaxFiles = 3;
    public const int MaxTextLength = 50_000;

    /// <param name="homework">The work, null when missing.</param>
    /// <param name="inTeachingUnit">Whether the student belongs to the class or group the work was set to.</param>
    /// <param name="previous">The student's earlier submission, if any.</param>
    /// <param name="files">Each uploaded file with the id it will be stored under.</param>
    public static HomeworkSubmitted Submit(
        SubmitHomework command, Guid studentId, Homework? homework, bool inTeachingUnit, HomeworkSubmission? previous,
        IReadOnlyList<(Guid FileId, UploadedFile File)> files, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(files);
        if (homework is null || !homework.IsFor(studentId, inTeachingUnit))
            throw BusinessRuleException.NotFound("Homework");
        var late = now > homework.DueAt;
        if (previous is not null && previous.HasFeedback)
            throw new BusinessRuleException(ErrorCodes.Conflict, "Your teacher has already given feedback on this work: it can no longer be changed.");
        if (previous is not null && late)
            throw BusinessRuleException.Invalid("The due date has passed: your earlier submission can no longer be replaced.");

        var text = string.IsNullOrWhiteSpace(command.Text) ? null : Require.Text(command.Text, "Text", MaxTextLength);
        CheckFormat(homework.ExpectedFormat, text is not null, files.Count);
        var stored = FileRules.Attach(files, studentId, homework.AllowedContentTypes, MaxFiles);

        return new HomeworkSubmitted(
            HomeworkSubmission.IdFor(homework.Id, studentId), homework.Id, homework.EstablishmentId, studentId,
            text is null ? null : PersonalData.Of(studentId, text), stored, now, late);
    }

    private static void CheckFormat(SubmissionFormat format, bool hasText, int fileCount)
    {
        var problem = format switch
        {
            SubmissionFormat.Text when fileCount > 0 => "This work is handed in as text only: remove the files.",
            SubmissionFormat.Text when !hasText => "This work is handed in as text: write your answer.",
            SubmissionFormat.File when hasText => "This work is handed in as files only: attach your answer as a file.",
            SubmissionFormat.File when fileCount == 0 => "This work is handed in as files: attach at least one file.",
            SubmissionFormat.TextOrFile when !hasText && fileCount == 0 => "Write an answer or attach a file.",
            _ => null,
        };
        if (problem is not null)
            throw BusinessRuleException.Invalid(problem);
    }

    /// <param name="scale">The barème named by the command, null when none was named or it does not exist.</param>
    public static SubmissionFeedbackGiven GiveFeedback(
        GiveSubmissionFeedback command, Guid teacherId, HomeworkSubmission? submission, Homework? homework, GradingScale? scale, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (submission is null || homework is null || homework.TeacherId != teacherId)
            throw BusinessRuleException.NotFound("Submission");
        Grade? grade = null;
        if (command.GradingScaleId is not null)
        {
            if (scale is null || !scale.UsableBy(teacherId, homework.EstablishmentId))
                throw BusinessRuleException.NotFound("Grading scale");
            grade = scale.Grade(command.Mark);
        }
        else if (!string.IsNullOrWhiteSpace(command.Mark))
        {
            throw BusinessRuleException.Invalid("A mark needs a grading scale (barème).");
        }

        var comment = string.IsNullOrWhiteSpace(command.Comment) ? null : Require.Text(command.Comment, "Comment", 5_000);
        if (grade is null && comment is null)
            throw BusinessRuleException.Invalid("Give a grade, a comment, or both.");
        return new SubmissionFeedbackGiven(
            submission.Id, homework.Id, homework.EstablishmentId, submission.StudentId, teacherId, grade,
            comment is null ? null : PersonalData.Of(submission.StudentId, comment), now);
    }
}
