using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Files;
using MonBureau.Application.Workspace;
using MonBureau.Domain.Messaging;
using Wolverine;

namespace MonBureau.Application.Messaging;

public static class SendMessageHandler
{
    public static async Task<Guid> Handle(SendMessage command, IDocumentSession session, IMessageContext messages, MessageDeliveryOptions delivery, FileStore files, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(files);
        var (sender, context) = await MessagingSenders.LoadAsync(session, cancellationToken);
        var selectors = command.Recipients ?? [];
        var directory = await MessagingAudiences.DirectoryAsync(session, sender, selectors, cancellationToken);
        var audiences = await MessagingAudiences.ResolveAsync(session, sender.EstablishmentId, selectors, cancellationToken);

        var threadId = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var uploads = MessageAttachments.Number(command.Attachments);
        var referenced = await WorkspaceLoading.ReferencedAsync(session, ActingContext.Current ?? throw new MissingActorException(), command.WorkspaceFileIds, MessagingDecisions.MaxAttachments, cancellationToken);
        var events = MessagingDecisions.Send(threadId, Guid.CreateVersion7(), command, sender, directory, audiences, context, now, uploads, referenced);
        MessageAttachments.Stage(files, session, events, uploads, now);
        session.Events.StartStream<MessageThread>(threadId, events);
        await DeliverMessageHandler.ScheduleHeldAsync(messages, delivery, events, now);
        return threadId;
    }
}
