using System.Collections.Concurrent;
using System.Threading.Channels;

namespace MonBureau.Host.Realtime;

/// <summary>Something committed that one person should see at once: a message delivered to them, a notification for them.</summary>
public abstract record LiveItem(Guid RecipientId);

public sealed record MessageArrived(Guid RecipientId, Guid ThreadId, Guid MessageId) : LiveItem(RecipientId);

public sealed record NotificationArrived(Guid RecipientId, Guid NotificationId) : LiveItem(RecipientId);

/// <summary>
/// This node's in-process broker from committed changes to the subscriptions open on it, keyed by recipient, so a
/// person can only ever watch their own items. Publishing never waits for a subscriber: each has its own bounded
/// queue, drained on the subscriber's own execution context (its acting person, not the publisher's). Several nodes:
/// ADR 0026.
/// </summary>
public sealed class LiveFeed
{
    /// <summary>Items a slow subscriber may have waiting; beyond, the oldest are dropped (a client re-reads on reconnect anyway).</summary>
    private const int Backlog = 100;

    private readonly ConcurrentDictionary<Guid, ImmutableSubscribers> _byRecipient = new();

    public void Publish(LiveItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (_byRecipient.TryGetValue(item.RecipientId, out var subscribers))
        {
            foreach (var subscriber in subscribers.Items)
                subscriber.Offer(item);
        }
    }

    /// <summary>The items of type <typeparamref name="T"/> for <paramref name="recipientId"/> committed from now on.</summary>
    public IObservable<T> Watch<T>(Guid recipientId) where T : LiveItem => new Stream<T>(this, recipientId);

    private void Add(Guid recipientId, ISubscriber subscriber) =>
        _byRecipient.AddOrUpdate(recipientId, _ => new([subscriber]), (_, s) => new([.. s.Items, subscriber]));

    private void Remove(Guid recipientId, ISubscriber subscriber)
    {
        while (_byRecipient.TryGetValue(recipientId, out var current))
        {
            var rest = current.Items.Where(s => s != subscriber).ToArray();
            if (rest.Length == 0 ? _byRecipient.TryRemove(new(recipientId, current)) : _byRecipient.TryUpdate(recipientId, new(rest), current))
                return;
        }
    }

    private sealed record ImmutableSubscribers(ISubscriber[] Items);

    private interface ISubscriber
    {
        void Offer(LiveItem item);
    }

    private sealed class Stream<T>(LiveFeed feed, Guid recipientId) : IObservable<T> where T : LiveItem
    {
        public IDisposable Subscribe(IObserver<T> observer) => new Subscription<T>(feed, recipientId, observer);
    }

    private sealed class Subscription<T> : ISubscriber, IDisposable where T : LiveItem
    {
        private readonly LiveFeed _feed;
        private readonly Guid _recipientId;
        private readonly Channel<T> _queue = Channel.CreateBounded<T>(new BoundedChannelOptions(Backlog) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

        public Subscription(LiveFeed feed, Guid recipientId, IObserver<T> observer)
        {
            _feed = feed;
            _recipientId = recipientId;
            feed.Add(recipientId, this);
            // Started here, so the observer runs on the subscriber's execution context (ActingContext is an AsyncLocal).
            _ = DrainAsync(observer);
        }

        public void Offer(LiveItem item)
        {
            if (item is T wanted)
                _queue.Writer.TryWrite(wanted);
        }

        private async Task DrainAsync(IObserver<T> observer)
        {
            // Never completes by itself: a live feed ends when its subscriber leaves (Dispose).
            await foreach (var item in _queue.Reader.ReadAllAsync())
                observer.OnNext(item);
        }

        public void Dispose()
        {
            _feed.Remove(_recipientId, this);
            _queue.Writer.TryComplete();
        }
    }
}
