using GraphQL.Types;
using MonBureau.Domain.Messaging;
using MonBureau.Projections.Messaging;
using MonBureau.Host.GraphQL.Nodes;

namespace MonBureau.Host.GraphQL.Types;

/// <summary>A message as one reader sees it: receipts are for its author only.</summary>
public sealed record MessageForReader(MessageView Message, Guid ReaderId, IReadOnlyDictionary<Guid, string?> Names)
{
    public bool ReaderIsAuthor => Message.AuthorId == ReaderId;
}

public enum MessageStatus
{
    Held,
    Delivered,
    Recalled,
}

public sealed class MessageThreadType : ObjectGraphType<MessageThreadView>
{
    public MessageThreadType()
    {
        this.ImplementsNode();
        Name = "MessageThread";
        Description = "A conversation (fil de discussion) in the ENT's messaging.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable identifier.");
        this.PersonalField("subject", t => t.Subject, "Subject (objet).");
        Field(x => x.AuthorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Who started the conversation.");
        Field(x => x.Confidential).Description("Disciplinary or medical: only the named recipients see it, and every reading is recorded.");
        Field(x => x.ConcernsStudentId, type: typeof(IdGraphType)).Description("For a confidential thread, the student it is about.");
        Field(x => x.LastActivityAt).Description("When the latest message was written or delivered.");
        Field<NonNullGraphType<BooleanGraphType>, bool>("archived")
            .Description("Whether the reader archived it.")
            .Resolve(ctx => ctx.Source.ArchivedBy.Contains(ctx.Actor().Id));
        Field<NonNullGraphType<IntGraphType>, int>("unreadCount")
            .Description("Messages of this thread the reader has not read yet.")
            .Resolve(ctx => ctx.Source.UnreadFor(ctx.Actor().Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FirstReplyType>>>, IReadOnlyList<FirstReplyView>>("firstReplies")
            .Description("When each guardian's message to a teacher got that teacher's first answer, with the delay counted in open hours only (docs/messaging.md).")
            .ResolveAsync(async ctx => await GraphQL.Fields.MessagingFields.FirstRepliesAsync(ctx, ctx.Source));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MessageType>>>, IReadOnlyList<MessageForReader>>("messages")
            .Description("The messages meant for the reader, oldest first. Reading a confidential thread is recorded in the access history.")
            .ResolveAsync(async ctx => await GraphQL.Fields.MessagingFields.MessagesForReaderAsync(ctx, ctx.Source));
    }
}

/// <summary>A first reply with its delay in the establishment's open hours.</summary>
public sealed record FirstReplyView(FirstReply Reply, TimeSpan WorkingDelay);

public sealed class FirstReplyType : ObjectGraphType<FirstReplyView>
{
    public FirstReplyType()
    {
        Name = "FirstReply";
        Description = "A guardian's question and a teacher's first answer (délai de réponse).";
        Field<NonNullGraphType<IdGraphType>, Guid>("guardianMessageId").Description("The guardian's message.").Resolve(ctx => ctx.Source.Reply.GuardianMessageId);
        Field<NonNullGraphType<IdGraphType>, Guid>("teacherId").Description("The teacher who answered.").Resolve(ctx => ctx.Source.Reply.TeacherId);
        Field<NonNullGraphType<DateTimeOffsetGraphType>, DateTimeOffset>("askedAt").Description("When the guardian's message reached the teacher.").Resolve(ctx => ctx.Source.Reply.AskedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>, DateTimeOffset>("answeredAt").Description("When the teacher answered.").Resolve(ctx => ctx.Source.Reply.AnsweredAt);
        Field<NonNullGraphType<IntGraphType>, int>("workingDelayMinutes")
            .Description("Minutes between the two outside quiet hours and weekends.")
            .Resolve(ctx => (int)ctx.Source.WorkingDelay.TotalMinutes);
    }
}

public sealed class MessageType : ObjectGraphType<MessageForReader>
{
    public MessageType()
    {
        Name = "Message";
        Description = "One message of a conversation.";
        Field<NonNullGraphType<IdGraphType>, Guid>("id").Description("Stable identifier.").Resolve(ctx => ctx.Source.Message.Id);
        Field<NonNullGraphType<IdGraphType>, Guid>("authorId").Description("Who wrote it.").Resolve(ctx => ctx.Source.Message.AuthorId);
        Field<StringGraphType, string>("authorName")
            .Description("The author's name; null once erased.")
            .Resolve(ctx => ctx.Source.Names.GetValueOrDefault(ctx.Source.Message.AuthorId));
        Field<StringGraphType, string>("body")
            .Description("The text. Null once the author's data has been erased.")
            .Resolve(ctx => ctx.Source.Message.Body.Value);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttachedFileType>>>, List<Domain.Files.AttachedFile>>("attachments")
            .Description("Attached files; open one with the file query.")
            .Resolve(ctx => ctx.Source.Message.Attachments);
        Field<NonNullGraphType<BooleanGraphType>, bool>("urgent").Description("Sent through quiet hours by the school-life office or direction.").Resolve(ctx => ctx.Source.Message.Urgent);
        Field<NonNullGraphType<MessageStatusType>, MessageStatus>("status")
            .Description("HELD until quiet hours end or the chosen time comes, then DELIVERED; RECALLED when its author took it back.")
            .Resolve(ctx => ctx.Source.Message switch
            {
                { RecalledAt: not null } => MessageStatus.Recalled,
                { DeliveredAt: not null } => MessageStatus.Delivered,
                _ => MessageStatus.Held,
            });
        Field<NonNullGraphType<DateTimeOffsetGraphType>, DateTimeOffset>("deliverAt").Description("When it is (or was) due to reach its recipients.").Resolve(ctx => ctx.Source.Message.DeliverAt);
        Field<DateTimeOffsetGraphType, DateTimeOffset?>("deliveredAt").Description("When it reached its recipients.").Resolve(ctx => ctx.Source.Message.DeliveredAt);
        Field<DateTimeOffsetGraphType, DateTimeOffset?>("readAt")
            .Description("When the reader first read it; null for its author.")
            .Resolve(ctx => ctx.Source.Message.Recipients.FirstOrDefault(r => r.PersonId == ctx.Source.ReaderId)?.ReadAt);
        Field<DateTimeOffsetGraphType, DateTimeOffset?>("recallableUntil")
            .Description("For its author: until when it can still be recalled, if nobody reads it first.")
            .Resolve(ctx => ctx.Source is { ReaderIsAuthor: true, Message.RecalledAt: null } && ctx.Source.Message.Recipients.All(r => r.ReadAt is null)
                ? (ctx.Source.Message.DeliveredAt ?? ctx.Source.Message.DeliverAt) + MessagingDecisions.RecallWindow
                : null);
        Field<ListGraphType<NonNullGraphType<ReadReceiptType>>, IEnumerable<(MessageReceipt Receipt, string? Name)>>("receipts")
            .Description("For its author only: each recipient and when they read it (accusés de lecture).")
            .Resolve(ctx => ctx.Source.ReaderIsAuthor
                ? ctx.Source.Message.Recipients.Select(r => (r, ctx.Source.Names.GetValueOrDefault(r.PersonId)))
                : null);
    }
}

public sealed class ReadReceiptType : ObjectGraphType<(MessageReceipt Receipt, string? Name)>
{
    public ReadReceiptType()
    {
        Name = "ReadReceipt";
        Description = "A recipient of a message and when they read it.";
        Field<NonNullGraphType<IdGraphType>, Guid>("recipientId").Description("The recipient.").Resolve(ctx => ctx.Source.Receipt.PersonId);
        Field<StringGraphType, string>("recipientName").Description("The recipient's name; null once erased.").Resolve(ctx => ctx.Source.Name);
        Field<DateTimeOffsetGraphType, DateTimeOffset?>("readAt").Description("When they first read it; null while unread.").Resolve(ctx => ctx.Source.Receipt.ReadAt);
    }
}

public sealed class MessageStatusType : EnumerationGraphType<MessageStatus>
{
    public MessageStatusType()
    {
        Name = "MessageStatus";
        Description = "Where a message stands.";
    }
}

public sealed class RecipientKindType : EnumerationGraphType<RecipientKind>
{
    public RecipientKindType()
    {
        Name = "RecipientKind";
        Description = "PERSON (one person), CLASS (its students), GROUP (its students), GUARDIANS_OF_CLASS (the families of a class), STAFF_ROLE (every holder of a role, e.g. the school-life office).";
    }
}

public sealed class QuietHoursType : ObjectGraphType<QuietHours>
{
    public QuietHoursType()
    {
        Name = "QuietHours";
        Description = "When messages and notifications wait (heures de silence), in the establishment's local time.";
        Field(x => x.Start, type: typeof(NonNullGraphType<TimeOnlyGraphType>)).Description("Evening start, e.g. 20:00.");
        Field(x => x.End, type: typeof(NonNullGraphType<TimeOnlyGraphType>)).Description("Morning end, e.g. 07:00.");
        Field(x => x.WholeWeekend).Description("Whether Saturdays and Sundays are quiet all day.");
    }
}

public sealed class MessagingRulesType : ObjectGraphType<MessagingRules>
{
    public MessagingRulesType()
    {
        Name = "MessagingRules";
        Description = "Who may write to whom, beyond what always holds (staff write to anyone; everyone may write to the school-life office and direction).";
        Field(x => x.StudentsMayWriteToTheirTeachers).Description("Students may write to the teachers of their classes and groups.");
        Field(x => x.StudentsMayWriteToStudents).Description("Students may write to other students of the establishment.");
        Field(x => x.GuardiansMayWriteToTheirChildrensTeachers).Description("Guardians may write to their children's teachers.");
        Field(x => x.GuardiansMayWriteToGuardians).Description("Guardians may write to other guardians.");
        Field(x => x.TeachersMayBroadcastToTheirClasses).Description("Teachers may write to whole classes and groups they teach, and to their families.");
    }
}

public sealed class MessagingSettingsType : ObjectGraphType<MessagingSettings>
{
    public MessagingSettingsType()
    {
        Name = "MessagingSettings";
        Description = "An establishment's messaging settings.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The establishment.");
        Field(x => x.QuietHours, type: typeof(NonNullGraphType<QuietHoursType>)).Description("Quiet hours.");
        Field(x => x.Rules, type: typeof(NonNullGraphType<MessagingRulesType>)).Description("Who may write to whom.");
    }
}

public sealed class MessageTemplateType : ObjectGraphType<MessageTemplateView>
{
    public MessageTemplateType()
    {
        Name = "MessageTemplate";
        Description = "A reusable message (modèle de message): fill sendMessage with its subject and body.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable identifier.");
        Field(x => x.Name).Description("What staff pick it by, e.g. « Rappel sortie ».");
        Field(x => x.Subject).Description("Subject.");
        Field(x => x.Body).Description("Text.");
        Field<NonNullGraphType<BooleanGraphType>, bool>("forEstablishment").Description("Shared with the whole establishment's staff.").Resolve(ctx => ctx.Source.OwnerId is null);
    }
}
