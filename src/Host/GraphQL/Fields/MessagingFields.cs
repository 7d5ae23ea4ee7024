using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Marten;
using MonBureau.Application;
using MonBureau.Application.Auditing;
using MonBureau.Application.Messaging;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Messaging;
using MonBureau.Host.GraphQL.Paging;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Projections.Messaging;
using MonBureau.Projections.People;
using Wolverine;

namespace MonBureau.Host.GraphQL.Fields;

internal static class MessagingFields
{
    private static readonly string[] StaffWriters =
        [nameof(Role.Teacher), nameof(Role.SchoolLifeOffice), nameof(Role.Direction), nameof(Role.EstablishmentAdministrator)];

    public static void AddQueries(ObjectGraphType query)
    {
        query.Connection<MessageThreadType, MessageThreadView>("inbox")
            .Description("The signed-in person's conversations, latest activity first.")
            .Argument<BooleanGraphType>("archived", "List archived conversations instead (default false).")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                var me = ctx.Actor().Id;
                var archived = ctx.GetArgument("archived", false);
                await using var session = ctx.OpenQuerySession();
                var threads = session.Query<MessageThreadView>().Where(t => t.VisibleTo.Contains(me));
                threads = archived ? threads.Where(t => t.ArchivedBy.Contains(me)) : threads.Where(t => !t.ArchivedBy.Contains(me));
                return await threads.ToConnectionAsync(ctx, by => by.Descending(t => t.LastActivityAt));
            });

        query.Field<MessageThreadType, MessageThreadView>("thread")
            .Description("One conversation the signed-in person takes part in.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The conversation.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                var thread = await session.LoadAsync<MessageThreadView>(ctx.GetArgument<Guid>("id"), ctx.CancellationToken);
                return thread is not null && thread.VisibleTo.Contains(ctx.Actor().Id) ? thread : throw BusinessRuleException.NotFound("Thread");
            });

        query.Field<NonNullGraphType<IntGraphType>, int>("unreadMessageCount")
            .Description("How many delivered messages the signed-in person has not read yet.")
            .Authorize()
            .ResolveAsync(UnreadCountAsync);

        query.Connection<MessageTemplateType, MessageTemplateView>("messageTemplates")
            .Description("The message templates the signed-in staff member can use: the establishment's, then their own, by name.")
            .AuthorizeWithRoles(StaffWriters)
            .ResolveAsync(async ctx =>
            {
                var actor = ctx.Actor();
                await using var session = ctx.OpenQuerySession();
                var templates = await session.Query<MessageTemplateView>()
                    .Where(t => t.EstablishmentId == actor.EstablishmentId && !t.Retired && (t.OwnerId == null || t.OwnerId == actor.Id))
                    .OrderBy(t => t.Name)
                    .Take(200)
                    .ToListAsync(ctx.CancellationToken);
                // The establishment's come before the member's own, an order SQL cannot page by: the capped list is paged in memory.
                return templates.OrderBy(t => t.OwnerId is not null).ToList().ToConnection(ctx);
            });

        query.Field<NonNullGraphType<MessagingSettingsType>, MessagingSettings>("messagingSettings")
            .Description("Quiet hours and who may write to whom in the signed-in person's establishment.")
            .Argument<NonNullGraphType<IdGraphType>>("establishmentId", "The establishment.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                var establishmentId = ctx.GetArgument<Guid>("establishmentId");
                if (!ctx.Actor().ActsIn(establishmentId))
                    throw BusinessRuleException.NotFound("Establishment");
                await using var session = ctx.OpenQuerySession();
                return await session.LoadAsync<MessagingSettings>(establishmentId, ctx.CancellationToken) ?? MessagingSettings.DefaultFor(establishmentId);
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<MessageThreadType>, MessageThreadView>("sendMessage")
            .Description("Starts a conversation. Inside quiet hours it is held until they end, unless urgent; with sendAt it waits for that time.")
            .Argument<NonNullGraphType<SendMessageInputType>>("input")
            .Authorize()
            .ResolveAsync(ctx => ctx.SendAndReadAsync<MessageThreadView>(ctx.GetArgument<SendMessageInput>("input").ToCommand()));

        mutation.Field<NonNullGraphType<MessageThreadType>, MessageThreadView>("replyToThread")
            .Description("Replies in a conversation one takes part in.")
            .Argument<NonNullGraphType<ReplyToThreadInputType>>("input")
            .Authorize()
            .ResolveAsync(ctx => ctx.SendAndReadAsync<MessageThreadView>(ctx.GetArgument<ReplyToThreadInput>("input").ToCommand()));

        ThreadAction(mutation, "markThreadRead", "Marks every message of the conversation meant for the reader as read (read receipts).",
            ctx => new MarkThreadRead(ctx.GetArgument<Guid>("threadId")));
        ThreadAction(mutation, "recallMessage", $"Takes back one's own message: before delivery, or within {MessagingDecisions.RecallWindow.TotalMinutes:0} minutes if nobody has read it.",
            ctx => new RecallMessage(ctx.GetArgument<Guid>("threadId"), ctx.GetArgument<Guid>("messageId")),
            field => field.Argument<NonNullGraphType<IdGraphType>>("messageId", "The message."));
        ThreadAction(mutation, "archiveThread", "Archives (or, with archived: false, restores) a conversation for oneself.",
            ctx => new ArchiveThread(ctx.GetArgument<Guid>("threadId"), ctx.GetArgument("archived", true)),
            field => field.Argument<BooleanGraphType>("archived", "False to restore it (default true)."));

        mutation.Field<NonNullGraphType<BooleanGraphType>, bool>("deleteThreadForMe")
            .Description("Removes a conversation from one's own inbox; the other participants keep it. A new message brings it back.")
            .Argument<NonNullGraphType<IdGraphType>>("threadId", "The conversation.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                await ctx.Service<IMessageBus>().RunAsync<Guid>(new DeleteThreadForMe(ctx.GetArgument<Guid>("threadId")), ctx.CancellationToken);
                return true;
            });

        mutation.Field<NonNullGraphType<MessageTemplateType>, MessageTemplateView>("createMessageTemplate")
            .Description("Creates a message template for oneself or, for the school-life office, direction and administrators, the establishment.")
            .Argument<NonNullGraphType<CreateMessageTemplateInputType>>("input")
            .AuthorizeWithRoles(StaffWriters)
            .ResolveAsync(ctx => ctx.SendAndReadAsync<MessageTemplateView>(ctx.GetArgument<CreateMessageTemplate>("input")));

        mutation.Field<NonNullGraphType<MessageTemplateType>, MessageTemplateView>("retireMessageTemplate")
            .Description("Retires a template: one's own, or a shared one for the establishment's offices. It stays on record.")
            .Argument<NonNullGraphType<IdGraphType>>("templateId", "The template.")
            .AuthorizeWithRoles(StaffWriters)
            .ResolveAsync(ctx => ctx.SendAndReadAsync<MessageTemplateView>(new RetireMessageTemplate(ctx.GetArgument<Guid>("templateId"))));

        mutation.Field<NonNullGraphType<MessagingSettingsType>, MessagingSettings>("setQuietHours")
            .Description("Sets the establishment's quiet hours (head of school or administrator).")
            .Argument<NonNullGraphType<QuietHoursInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Direction), nameof(Role.EstablishmentAdministrator))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<MessagingSettings>(ctx.GetArgument<SetQuietHours>("input")));

        mutation.Field<NonNullGraphType<MessagingSettingsType>, MessagingSettings>("setMessagingRules")
            .Description("Sets who may write to whom in the establishment (head of school or administrator).")
            .Argument<NonNullGraphType<MessagingRulesInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Direction), nameof(Role.EstablishmentAdministrator))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<MessagingSettings>(ctx.GetArgument<MessagingRulesInput>("input").ToCommand()));
    }

    /// <summary>The messages of a thread meant for the reader, with the names they show; a confidential thread's reading is recorded.</summary>
    /// <summary>How many delivered messages the signed-in person has not read yet.</summary>
    internal static async Task<int> UnreadCountAsync(IResolveFieldContext ctx)
    {
        var me = ctx.Actor().Id;
        await using var session = ctx.OpenQuerySession();
        var threads = await session.Query<MessageThreadView>().Where(t => t.VisibleTo.Contains(me)).ToListAsync(ctx.CancellationToken);
        return threads.Sum(t => t.UnreadFor(me));
    }

    public static async Task<IReadOnlyList<MessageForReader>> MessagesForReaderAsync(IResolveFieldContext ctx, MessageThreadView thread)
    {
        var actor = ctx.Actor();
        if (!thread.VisibleTo.Contains(actor.Id))
            return [];
        var messages = thread.MessagesFor(actor.Id).ToList();
        await RecordConfidentialReadingAsync(ctx, thread);

        var people = messages.Select(m => m.AuthorId)
            .Concat(messages.Where(m => m.AuthorId == actor.Id).SelectMany(m => m.Recipients.Select(r => r.PersonId)))
            .Distinct().ToArray();
        await using var session = ctx.OpenQuerySession();
        var names = (await session.LoadManyAsync<PersonDetails>(ctx.CancellationToken, people))
            .ToDictionary(p => p.Id, p => p is { GivenName.Value: { } given, FamilyName.Value: { } family } ? $"{given} {family}" : null);
        return [.. messages.Select(m => new MessageForReader(m, actor.Id, names))];
    }

    /// <summary>A file attached to a message opens for those who may read that message.</summary>
    public static async Task<bool> MayOpenAttachmentAsync(IResolveFieldContext ctx, MessageThreadView thread, Guid fileId)
    {
        var visible = thread.VisibleTo.Contains(ctx.Actor().Id) &&
                      thread.MessagesFor(ctx.Actor().Id).Any(m => m.Attachments.Any(a => a.FileId == fileId));
        if (visible)
            await RecordConfidentialReadingAsync(ctx, thread);
        return visible;
    }

    private static async Task RecordConfidentialReadingAsync(IResolveFieldContext ctx, MessageThreadView thread)
    {
        if (!thread.Confidential)
            return;
        var actor = ctx.Actor();
        await ctx.Service<AccessLog>().RecordAsync([new AccessRecord(
            actor.Id, actor.Role, thread.EstablishmentId, thread.ConcernsStudentId ?? thread.AuthorId, DataCategory.Messages,
            $"{ctx.ParentType.Name}.{ctx.FieldDefinition.Name}", ActingContext.CorrelationId ?? "", ctx.Service<TimeProvider>().GetUtcNow())]);
    }

    public static async Task<IReadOnlyList<FirstReplyView>> FirstRepliesAsync(IResolveFieldContext ctx, MessageThreadView thread)
    {
        if (thread.FirstReplies.Count == 0)
            return [];
        await using var session = ctx.OpenQuerySession();
        var context = await MessagingSenders.ContextAsync(session, thread.EstablishmentId, ctx.CancellationToken);
        return [.. thread.FirstReplies.Select(r => new FirstReplyView(r, ResponseDelay.WorkingTime(r.AskedAt, r.AnsweredAt, context.Settings.QuietHours, context.Zone)))];
    }

    private static void ThreadAction(
        ObjectGraphType mutation, string name, string description, Func<IResolveFieldContext, object> command,
        Action<FieldBuilder<object?, MessageThreadView>>? arguments = null)
    {
        var field = mutation.Field<NonNullGraphType<MessageThreadType>, MessageThreadView>(name)
            .Description(description)
            .Argument<NonNullGraphType<IdGraphType>>("threadId", "The conversation.")
            .Authorize();
        arguments?.Invoke(field);
        field.ResolveAsync(ctx => ctx.SendAndReadAsync<MessageThreadView>(command(ctx)));
    }
}
