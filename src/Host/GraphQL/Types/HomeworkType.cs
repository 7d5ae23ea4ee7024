using GraphQL.Types;
using MonBureau.Projections.Homework;
using MonBureau.Host.GraphQL.Nodes;

namespace MonBureau.Host.GraphQL.Types;

public sealed class HomeworkType : ObjectGraphType<HomeworkDetails>
{
    public HomeworkType()
    {
        this.ImplementsNode();
        Name = "Homework";
        Description = "Work a teacher assigned to a class or group (devoir), recorded in the lesson log (cahier de textes).";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable identifier.");
        Field(x => x.ClassId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Class or group the work is for.");
        Field(x => x.TeacherId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Teacher who assigned it.");
        Field(x => x.Subject).Description("Subject (matière), e.g. « Mathématiques ».");
        Field(x => x.Title).Description("Short title shown in lists.");
        this.PersonalField("instructions", h => h.Instructions, "The teacher's instructions (consignes).");
        Field(x => x.DueAt).Description("When the work is due.");
        Field(x => x.AssignedAt).Description("When it was assigned.");
        Field(x => x.StudentIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>)).Description("Students it is for; empty for the whole class or group.");
        Field(x => x.ExpectedFormat, type: typeof(NonNullGraphType<SubmissionFormatType>)).Description("What a submission must contain.");
        Field(x => x.AllowedContentTypes).Description("File types accepted in submissions.");
        Field(x => x.Version, type: typeof(NonNullGraphType<IntGraphType>)).Description("Version, raised by every change; editHomework must name the version it edits.");
        Field(x => x.EditedAt, nullable: true).Description("When it was last edited; null when never.");
        Field(x => x.Documents, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<AttachedFileType>>>)).Description("Documents handed out with the work, from the teacher's workspace; open them with the file query.");
    }
}
