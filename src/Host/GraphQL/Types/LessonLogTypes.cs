using GraphQL.Types;
using MonBureau.Domain.LessonLog;
using MonBureau.Projections.LessonLog;
using MonBureau.Host.GraphQL.Nodes;

namespace MonBureau.Host.GraphQL.Types;

public sealed class LessonLogEntryType : ObjectGraphType<LessonLogEntryDetails>
{
    public LessonLogEntryType()
    {
        this.ImplementsNode();
        Name = "LessonLogEntry";
        Description = "One lesson in the lesson log (cahier de textes), as it reads now.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable identifier.");
        Field(x => x.TeachingUnitId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Class or group of the lesson.");
        Field(x => x.TeacherId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Teacher who wrote it.");
        Field(x => x.Subject).Description("Subject (matière).");
        Field(x => x.LessonDate, type: typeof(NonNullGraphType<DateOnlyGraphType>)).Description("Date of the lesson.");
        Field(x => x.Title).Description("Title of the lesson (séance).");
        this.PersonalField("content", e => e.Content, "What was done (contenu de la séance).");
        Field(x => x.WrittenAt).Description("When it was first written.");
        Field(x => x.LastEditedAt, nullable: true).Description("When it was last edited; null if never. The history is in lessonLogEntryHistory.");
        Field(x => x.Attachments, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<AttachedFileType>>>)).Description("Documents attached when the lesson was recorded.");
        Field<NonNullGraphType<IntGraphType>, int>("version").Description("Version number: 1 as first written, one more per edit.").Resolve(ctx => ctx.Source.Revisions.Count);
    }
}

public sealed class LessonLogRevisionType : ObjectGraphType<LessonLogRevision>
{
    public LessonLogRevisionType()
    {
        Name = "LessonLogRevision";
        Description = "One version of a lesson log entry, kept because the log is an official record.";
        Field(x => x.Number).Description("Version number, from 1.");
        Field(x => x.LessonDate, type: typeof(NonNullGraphType<DateOnlyGraphType>)).Description("Lesson date in this version.");
        Field(x => x.Title).Description("Title in this version.");
        this.PersonalField("content", r => r.Content, "Content in this version.");
        Field(x => x.TeacherId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Who wrote this version.");
        Field(x => x.At).Description("When this version was written.");
    }
}

/// <summary>The mutation's input: attachments arrive base64-encoded and are decoded into the command.</summary>
public sealed record WriteLessonLogEntryInput(Guid TeachingUnitId, string Subject, DateOnly LessonDate, string Title, string Content, IReadOnlyList<FileUploadInput>? Attachments) : Domain.Common.Redacted
{
    public WriteLessonLogEntry ToCommand() => new(TeachingUnitId, Subject, LessonDate, Title, Content, [.. (Attachments ?? []).Select(a => a.ToUpload())]);
}

public sealed class WriteLessonLogEntryInputType : InputObjectGraphType<WriteLessonLogEntryInput>
{
    public WriteLessonLogEntryInputType()
    {
        Name = "WriteLessonLogEntryInput";
        Description = "A lesson to record in the cahier de textes of a class or group the teacher teaches.";
        Field(x => x.TeachingUnitId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Class or group.");
        Field(x => x.Subject).Description("Subject taught there.");
        Field(x => x.LessonDate, type: typeof(NonNullGraphType<DateOnlyGraphType>)).Description("Date of the lesson, within a year of today.");
        Field(x => x.Title).Description("Title, at most 200 characters.");
        Field(x => x.Content).Description("Content, at most 20,000 characters.");
        Field(x => x.Attachments, type: typeof(ListGraphType<NonNullGraphType<FileUploadInputType>>)).Description("Documents to attach, at most 5.");
    }
}

public sealed class EditLessonLogEntryInputType : InputObjectGraphType<EditLessonLogEntry>
{
    public EditLessonLogEntryInputType()
    {
        Name = "EditLessonLogEntryInput";
        Description = "A new version of one of the teacher's own entries; the earlier ones stay in the history.";
        Field(x => x.EntryId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The entry.");
        Field(x => x.LessonDate, type: typeof(NonNullGraphType<DateOnlyGraphType>)).Description("Date of the lesson.");
        Field(x => x.Title).Description("Title.");
        Field(x => x.Content).Description("Content.");
    }
}

public sealed class CloneCourseSequenceInputType : InputObjectGraphType<CloneCourseSequence>
{
    public CloneCourseSequenceInputType()
    {
        Name = "CloneCourseSequenceInput";
        Description = "A course sequence (lessons and homework of one subject over a period) to copy to another class or group, or to next school year.";
        Field(x => x.FromTeachingUnitId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The class or group it was taught to.");
        Field(x => x.Subject).Description("The subject.");
        Field(x => x.From, type: typeof(NonNullGraphType<DateOnlyGraphType>)).Description("First day of the sequence.");
        Field(x => x.To, type: typeof(NonNullGraphType<DateOnlyGraphType>)).Description("Last day of the sequence.");
        Field(x => x.ToTeachingUnitId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The class or group to copy it to (this year's or next year's).");
        Field(x => x.StartingOn, type: typeof(NonNullGraphType<DateOnlyGraphType>)).Description("The day the copy starts: every date moves by the same number of days.");
    }
}

public sealed class CourseSequenceCopiedType : ObjectGraphType<CourseSequenceCopied>
{
    public CourseSequenceCopiedType()
    {
        Name = "CourseSequenceCopied";
        Description = "What a sequence copy wrote.";
        Field(x => x.Lessons).Description("Lesson log entries written.");
        Field(x => x.Homework).Description("Homework assigned.");
    }
}
