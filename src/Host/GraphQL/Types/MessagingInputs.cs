using GraphQL.Types;
using MonBureau.Domain.Common;
using MonBureau.Domain.Messaging;

namespace MonBureau.Host.GraphQL.Types;

public sealed class RecipientInputType : InputObjectGraphType<RecipientSelector>
{
    public RecipientInputType()
    {
        Name = "RecipientInput";
        Description = "Who receives a message: a person, a class, a group, the guardians of a class, or a staff role.";
        Field(x => x.Kind, type: typeof(NonNullGraphType<RecipientKindType>)).Description("What kind of recipient.");
        Field(x => x.Id, type: typeof(IdGraphType)).Description("The person, class or group.");
        Field(x => x.StaffRole, type: typeof(RoleType)).Description("For STAFF_ROLE: the role, e.g. SCHOOL_LIFE_OFFICE.");
    }
}

/// <summary>A new conversation as the API receives it: files arrive base64-encoded.</summary>
public sealed record SendMessageInput(
    string Subject, string Body, IReadOnlyList<RecipientSelector> Recipients, bool? Urgent, bool? Confidential, Guid? ConcernsStudentId,
    DateTimeOffset? SendAt, IReadOnlyList<FileUploadInput>? Attachments, IReadOnlyList<Guid>? WorkspaceFileIds = null) : Redacted
{
    public SendMessage ToCommand() => new(
        Subject, Body, Recipients, Urgent ?? false, Confidential ?? false, ConcernsStudentId, SendAt, [.. (Attachments ?? []).Select(a => a.ToUpload())], WorkspaceFileIds);
}

public sealed class SendMessageInputType : InputObjectGraphType<SendMessageInput>
{
    public SendMessageInputType()
    {
        Name = "SendMessageInput";
        Description = "A new conversation.";
        Field(x => x.Subject).Description("Subject (objet), up to 200 characters.");
        Field(x => x.Body).Description("Text, up to 20,000 characters.");
        Field(x => x.Recipients, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<RecipientInputType>>>)).Description("Recipients.");
        Field(x => x.Urgent, nullable: true).Description("Deliver through quiet hours: school-life office and direction only.");
        Field(x => x.Confidential, nullable: true).Description("Disciplinary or medical: named recipients only; every reading is recorded.");
        Field(x => x.ConcernsStudentId, type: typeof(IdGraphType)).Description("For a confidential message, the student it is about.");
        Field(x => x.SendAt, nullable: true).Description("Send later, at this time (envoi différé); quiet hours still apply unless urgent.");
        Field(x => x.Attachments, type: typeof(ListGraphType<NonNullGraphType<FileUploadInputType>>)).Description("Files to attach, at most 5.");
        Field(x => x.WorkspaceFileIds, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>)).Description("Files of the sender's workspaces to attach without a copy; with the uploads, at most 5.");
    }
}

/// <summary>A reply as the API receives it.</summary>
public sealed record ReplyToThreadInput(
    Guid ThreadId, string Body, IReadOnlyList<Guid>? RecipientIds, bool? Urgent, DateTimeOffset? SendAt, IReadOnlyList<FileUploadInput>? Attachments,
    IReadOnlyList<Guid>? WorkspaceFileIds = null) : Redacted
{
    public ReplyToThread ToCommand() => new(ThreadId, Body, RecipientIds, Urgent ?? false, SendAt, [.. (Attachments ?? []).Select(a => a.ToUpload())], WorkspaceFileIds);
}

public sealed class ReplyToThreadInputType : InputObjectGraphType<ReplyToThreadInput>
{
    public ReplyToThreadInputType()
    {
        Name = "ReplyToThreadInput";
        Description = "A reply in a conversation.";
        Field(x => x.ThreadId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The conversation.");
        Field(x => x.Body).Description("Text, up to 20,000 characters.");
        Field(x => x.RecipientIds, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>))
            .Description("Some of the participants; by default the author answers everyone and anyone else answers the author.");
        Field(x => x.Urgent, nullable: true).Description("Deliver through quiet hours: school-life office and direction only.");
        Field(x => x.SendAt, nullable: true).Description("Send later, at this time.");
        Field(x => x.Attachments, type: typeof(ListGraphType<NonNullGraphType<FileUploadInputType>>)).Description("Files to attach, at most 5.");
        Field(x => x.WorkspaceFileIds, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>)).Description("Files of the sender's workspaces to attach without a copy; with the uploads, at most 5.");
    }
}

public sealed class QuietHoursInputType : InputObjectGraphType<SetQuietHours>
{
    public QuietHoursInputType()
    {
        Name = "QuietHoursInput";
        Description = "An establishment's quiet hours, in its local time.";
        Field(x => x.EstablishmentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Establishment.");
        Field(x => x.Start, type: typeof(NonNullGraphType<TimeOnlyGraphType>)).Description("Evening start, e.g. 20:00.");
        Field(x => x.End, type: typeof(NonNullGraphType<TimeOnlyGraphType>)).Description("Morning end, e.g. 07:00.");
        Field(x => x.WholeWeekend).Description("Quiet all Saturday and Sunday.");
    }
}

/// <summary>The rules flattened for the API.</summary>
public sealed record MessagingRulesInput(
    Guid EstablishmentId,
    bool StudentsMayWriteToTheirTeachers,
    bool StudentsMayWriteToStudents,
    bool GuardiansMayWriteToTheirChildrensTeachers,
    bool GuardiansMayWriteToGuardians,
    bool TeachersMayBroadcastToTheirClasses)
{
    public SetMessagingRules ToCommand() => new(EstablishmentId, new MessagingRules(
        StudentsMayWriteToTheirTeachers, StudentsMayWriteToStudents, GuardiansMayWriteToTheirChildrensTeachers, GuardiansMayWriteToGuardians,
        TeachersMayBroadcastToTheirClasses));
}

public sealed class MessagingRulesInputType : InputObjectGraphType<MessagingRulesInput>
{
    public MessagingRulesInputType()
    {
        Name = "MessagingRulesInput";
        Description = "Who may write to whom in an establishment.";
        Field(x => x.EstablishmentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Establishment.");
        Field(x => x.StudentsMayWriteToTheirTeachers).Description("Students may write to their teachers (default true).");
        Field(x => x.StudentsMayWriteToStudents).Description("Students may write to other students (default false).");
        Field(x => x.GuardiansMayWriteToTheirChildrensTeachers).Description("Guardians may write to their children's teachers (default true).");
        Field(x => x.GuardiansMayWriteToGuardians).Description("Guardians may write to other guardians (default false).");
        Field(x => x.TeachersMayBroadcastToTheirClasses).Description("Teachers may write to their classes and families (default true).");
    }
}

public sealed class CreateMessageTemplateInputType : InputObjectGraphType<CreateMessageTemplate>
{
    public CreateMessageTemplateInputType()
    {
        Name = "CreateMessageTemplateInput";
        Description = "A message template: one's own, or (school-life office, direction, administrator) the establishment's.";
        Field(x => x.Name).Description("Name, up to 100 characters.");
        Field(x => x.Subject).Description("Subject, up to 200 characters.");
        Field(x => x.Body).Description("Text, up to 20,000 characters.");
        Field(x => x.ForEstablishment).Description("Share it with the whole establishment's staff.");
    }
}
