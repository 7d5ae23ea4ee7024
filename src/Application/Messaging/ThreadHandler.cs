using Marten;
using MonBureau.Domain.Common;
using MonBureau.Application.Auditing;
using MonBureau.Application.Files;
using MonBureau.Application.Workspace;
using MonBureau.Domain.Messaging;
using Wolverine;

namespace MonBureau.Application.Messaging;

/// <summary>What a participant does within a conversation; each returns the thread's id for the API to re-read it.</summary>
public static class ThreadHandler
{
    public static async Task<Guid> Handle(ReplyToThread command, IDocumentSession session, IMessageContext messages, MessageDeliveryOptions delivery, FileStore files, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(files);
        var (sender, context) = await MessagingSenders.LoadAsync(session, cancellationToken);
        var stream = await session.Events.FetchForWriting<MessageThread>(command.ThreadId, cancellationToken);
        var now = clock.GetUtcNow();
        var uploads = MessageAttachments.Number(command.Attachments);
        var referenced = await WorkspaceLoading.ReferencedAsync(session, ActingContext.Current ?? throw new MissingActorException(), command.WorkspaceFileIds, MessagingDecisions.MaxAttachments, cancellationToken);
        var events = MessagingDecisions.Reply(Guid.CreateVersion7(), command, stream.Aggregate, sender, context, now, uploads, referenced);
        MessageAttachments.Stage(files, session, events, uploads, now);
        stream.AppendMany(events);
        await DeliverMessageHandler.ScheduleHeldAsync(messages, delivery, events, now);
        return command.ThreadId;
    }

    public static Task<Guid> Handle(RecallMessage command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        DecideAsync(session, command, (thread, me) => [MessagingDecisions.Recall(thread, command.MessageId, me, clock.GetUtcNow())], cancellationToken);

    public static Task<Guid> Handle(MarkThreadRead command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        DecideAsync(session, command, (thread, me) => MessagingDecisions.MarkRead(thread, me, clock.GetUtcNow()), cancellationToken);

    public static Task<Guid> Handle(ArchiveThread command, IDocumentSession session, CancellationToken cancellationToken) =>
        DecideAsync(session, command, (thread, me) => [MessagingDecisions.Archive(thread, me, command.Archived)], cancellationToken);

    public static Task<Guid> Handle(DeleteThreadForMe command, IDocumentSession session, CancellationToken cancellationToken) =>
        DecideAsync(session, command, (thread, me) => [MessagingDecisions.DeleteFor(thread, me)], cancellationToken);

    private static async Task<Guid> DecideAsync<TCommand>(
        IDocumentSession session, TCommand command, Func<MessageThread?, Guid, IEnumerable<object>> decide, CancellationToken cancellationToken)
        where TCommand : IThreadCommand
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Current ?? throw new MissingActorException();
        if (command.ThreadId == Guid.Empty)
            throw BusinessRuleException.NotFound("Thread"); // Marten refuses the nil id as a stream id (found by the fuzzer)
        var stream = await session.Events.FetchForWriting<MessageThread>(command.ThreadId, cancellationToken);
        stream.AppendMany(decide(stream.Aggregate, actor.Id));
        return command.ThreadId;
    }
}
