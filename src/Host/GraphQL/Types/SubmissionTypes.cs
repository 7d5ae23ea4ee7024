using GraphQL.Types;
using MonBureau.Domain.Common;
using MonBureau.Domain.Files;
using MonBureau.Domain.Grading;
using MonBureau.Domain.Homework;
using MonBureau.Projections.Homework;
using MonBureau.Projections.People;
using MonBureau.Host.GraphQL.Nodes;

namespace MonBureau.Host.GraphQL.Types;

public sealed class SubmissionFormatType : EnumerationGraphType<SubmissionFormat>
{
    public SubmissionFormatType()
    {
        Name = "SubmissionFormat";
        Description = "What a homework submission must contain (format attendu).";
    }
}

/// <summary>A file as sent in a mutation: its bytes travel as base64 inside the JSON request.</summary>
public sealed record FileUploadInput(string Name, string ContentType, string ContentBase64) : Redacted
{
    /// <summary>The upload with its bytes decoded; malformed base64 is a validation error, never a 500.</summary>
    public UploadedFile ToUpload()
    {
        try
        {
            return new UploadedFile(Name, ContentType, Convert.FromBase64String(ContentBase64 ?? ""));
        }
        catch (FormatException)
        {
            throw BusinessRuleException.Invalid($"File {Name}: the content is not valid base64.");
        }
    }
}

public sealed class FileUploadInputType : InputObjectGraphType<FileUploadInput>
{
    public FileUploadInputType()
    {
        Name = "FileUploadInput";
        Description = "A file to upload (at most 2 MiB), its bytes in base64; the bytes must really be of the declared type.";
        Field(x => x.Name).Description("File name as the user sees it.");
        Field(x => x.ContentType).Description("Declared content type, e.g. application/pdf.");
        Field(x => x.ContentBase64).Description("The file's bytes, base64-encoded.");
    }
}

public sealed record SubmitHomeworkInput(Guid HomeworkId, string? Text, IReadOnlyList<FileUploadInput>? Files) : Redacted;

public sealed class SubmitHomeworkInputType : InputObjectGraphType<SubmitHomeworkInput>
{
    public SubmitHomeworkInputType()
    {
        Name = "SubmitHomeworkInput";
        Description = "A student's answer to a homework (remise en ligne); it replaces any earlier one until the due date.";
        Field(x => x.HomeworkId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The homework.");
        Field(x => x.Text, nullable: true).Description("Text answer, at most 50,000 characters.");
        Field(x => x.Files, type: typeof(ListGraphType<NonNullGraphType<FileUploadInputType>>)).Description("Files, at most 3.");
    }
}

public sealed class GiveSubmissionFeedbackInputType : InputObjectGraphType<GiveSubmissionFeedback>
{
    public GiveSubmissionFeedbackInputType()
    {
        Name = "GiveSubmissionFeedbackInput";
        Description = "The teacher's feedback on a submission: a grade on a barème, a comment, or both.";
        Field(x => x.SubmissionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The submission.");
        Field(x => x.GradingScaleId, type: typeof(IdGraphType)).Description("Grading scale (barème) the mark is on.");
        Field(x => x.Mark, nullable: true).Description("The mark as the scale writes it: « 14,5 » on /20, « B », « Maîtrisé ».");
        Field(x => x.Comment, nullable: true).Description("Comment (appréciation), at most 5,000 characters.");
    }
}

public sealed class AttachedFileType : ObjectGraphType<AttachedFile>
{
    public AttachedFileType()
    {
        Name = "AttachedFile";
        Description = "A stored file attached to a submission, a lesson log entry or an absence justification; open it with the file query.";
        Field(x => x.FileId, type: typeof(NonNullGraphType<IdGraphType>)).Description("File identifier.");
        this.PersonalField("name", f => f.Name, "File name.");
        Field(x => x.ContentType).Description("Content type, as checked from the bytes.");
        Field(x => x.Size).Description("Size in bytes.");
        Field(x => x.Sha256).Description("SHA-256 of the content, hex.");
    }
}

public sealed class GradeType : ObjectGraphType<Grade>
{
    public GradeType()
    {
        Name = "Grade";
        Description = "A mark on a grading scale (barème).";
        Field(x => x.ScaleId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The scale.");
        Field(x => x.ScaleName).Description("The scale's name when the grade was given, e.g. « Sur 20 ».");
        Field(x => x.Mark).Description("The mark, e.g. « 14.5 » or « B ».");
    }
}

public sealed class FeedbackType : ObjectGraphType<Feedback>
{
    public FeedbackType()
    {
        Name = "Feedback";
        Description = "The teacher's dated feedback on a submission.";
        Field(x => x.TeacherId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Teacher who gave it.");
        Field(x => x.Grade, type: typeof(GradeType)).Description("Grade, if one was given.");
        this.PersonalField("comment", f => f.Comment, "Comment (appréciation), if any.");
        Field(x => x.GivenAt).Description("When it was given.");
    }
}

public sealed class SubmissionType : ObjectGraphType<SubmissionDetails>
{
    public SubmissionType()
    {
        this.ImplementsNode();
        Name = "Submission";
        Description = "A student's handed-in work for one homework (copie rendue) and the feedback on it.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable identifier.");
        Field(x => x.HomeworkId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The homework.");
        Field(x => x.StudentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The student.");
        this.PersonalField("text", s => s.Text, "Text answer, if any.");
        Field(x => x.Files, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<AttachedFileType>>>)).Description("Files of the current version.");
        Field(x => x.FirstSubmittedAt).Description("When it was first handed in.");
        Field(x => x.SubmittedAt).Description("When the current version was handed in.");
        Field(x => x.Versions).Description("How many times it was handed in.");
        Field(x => x.Late).Description("Whether the current version came after the due date (rendu en retard).");
        Field(x => x.Feedback, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<FeedbackType>>>)).Description("Feedback given, oldest first.");
        Field<FeedbackType, Feedback>("latestFeedback").Description("The feedback that counts: the latest.").Resolve(ctx => ctx.Source.Feedback.LastOrDefault());
    }
}

/// <summary>One assigned student's state for the teacher's overview.</summary>
public sealed record SubmissionStatus(PersonDetails Student, SubmissionDetails? Submission);

public sealed class SubmissionStatusType : ObjectGraphType<SubmissionStatus>
{
    public SubmissionStatusType()
    {
        Name = "SubmissionStatus";
        Description = "Where one student stands on a homework: handed in (when, late) or not yet, and whether feedback was given.";
        Field(x => x.Student, type: typeof(NonNullGraphType<PersonType>)).Description("The student.");
        Field(x => x.Submission, type: typeof(SubmissionType)).Description("Their submission; null when not handed in yet.");
        Field<NonNullGraphType<BooleanGraphType>, bool>("submitted").Description("Whether they handed it in.").Resolve(ctx => ctx.Source.Submission is not null);
        Field<NonNullGraphType<BooleanGraphType>, bool>("late").Description("Whether it came after the due date.").Resolve(ctx => ctx.Source.Submission?.Late == true);
        Field<NonNullGraphType<BooleanGraphType>, bool>("feedbackGiven").Description("Whether the teacher gave feedback.").Resolve(ctx => ctx.Source.Submission?.Feedback.Count > 0);
    }
}

/// <summary>A stored file opened for a reader the policy allowed.</summary>
public sealed record FileDownload(Guid Id, string Name, string ContentType, long Size, string Sha256, string ContentBase64);

public sealed class FileDownloadType : ObjectGraphType<FileDownload>
{
    public FileDownloadType()
    {
        Name = "FileDownload";
        Description = "A stored file's content, for a reader allowed to open it.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("File identifier.");
        Field(x => x.Name).Description("File name.");
        Field(x => x.ContentType).Description("Content type, as checked from the bytes at upload.");
        Field(x => x.Size).Description("Size in bytes.");
        Field(x => x.Sha256).Description("SHA-256 of the content, hex: compare it to check integrity.");
        Field(x => x.ContentBase64).Description("The bytes, base64-encoded.");
    }
}
