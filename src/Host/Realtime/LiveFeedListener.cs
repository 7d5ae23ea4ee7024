using Marten;
using Marten.Services;
using MonBureau.Domain.Messaging;
using MonBureau.Projections.Notifications;

namespace MonBureau.Host.Realtime;

/// <summary>
/// Feeds the live subscriptions from what a unit of work committed, after the commit: nobody is ever shown a message
/// or notification that a rollback took back.
/// </summary>
public sealed class LiveFeedListener(LiveFeed feed) : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(commit);
        foreach (var delivered in commit.GetEvents().Select(e => e.Data).OfType<MessageDelivered>())
        {
            foreach (var recipient in delivered.RecipientIds)
                feed.Publish(new MessageArrived(recipient, delivered.ThreadId, delivered.MessageId));
        }

        // Notifications are upserted by an inline projection in the same unit of work. Later writes of one (read,
        // e-mailed) set ReadAt or EmailedAt, so an untouched one in a commit is a new one.
        foreach (var notification in commit.Inserted.Concat(commit.Updated).OfType<Notification>().Where(n => n is { ReadAt: null, EmailedAt: null }))
            feed.Publish(new NotificationArrived(notification.RecipientId, notification.Id));

        return Task.CompletedTask;
    }
}
