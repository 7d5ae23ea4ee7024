using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Messaging;
using Wolverine;

namespace MonBureau.Application.Messaging;

/// <summary>Hands a held message (quiet hours, chosen time) to the establishment's inboxes.</summary>
public sealed record DeliverMessage(Guid ThreadId, Guid MessageId);

/// <param name="LongestWait">
/// The longest a delivery job sleeps before it looks at the business clock again: the job is timed by the machine's
/// clock, so a long wait is cut in steps that keep a changed or simulated business clock honest.
/// </param>
public sealed record MessageDeliveryOptions(TimeSpan LongestWait)
{
    public static readonly MessageDeliveryOptions Default = new(TimeSpan.FromHours(1));

    /// <summary>How long the job waits, by the machine's clock, before its next look.</summary>
    public TimeSpan DelayUntil(DateTimeOffset deliverAt, DateTimeOffset now) => ScheduledJobs.DelayUntil(deliverAt, now, LongestWait);
}

/// <summary>
/// Held messages ride Wolverine's durable scheduled messages: the schedule is stored with the message in one
/// transaction, survives restarts, and the delivery is decided on the thread's state so it happens once. Wolverine
/// schedules by the machine's clock while decisions use the business clock (<see cref="TimeProvider"/>): the job is
/// scheduled for the remaining business time, at most <see cref="MessageDeliveryOptions.LongestWait"/> ahead, and when it
/// finds the message not yet due it schedules itself again the same way.
/// </summary>
public static class DeliverMessageHandler
{
    public static async Task Handle(
        DeliverMessage command, IDocumentSession session, IMessageContext messages, TimeProvider clock, MessageDeliveryOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(options);
        // A background job: the scope must cover the save, which is why this handler saves itself.
        using var acting = ActingContext.Begin(Actor.SystemJob("message-delivery"), $"delivery/{command.MessageId}");
        var stream = await session.Events.FetchForWriting<MessageThread>(command.ThreadId, cancellationToken);
        var now = clock.GetUtcNow();
        var delivered = MessagingDecisions.Deliver(stream.Aggregate, command.MessageId, now);
        if (delivered.Count > 0)
            stream.AppendMany(delivered);
        else if (stream.Aggregate?.Message(command.MessageId) is { DeliveredAt: null, RecalledAt: null } held)
            await messages.ScheduleAsync(command, options.DelayUntil(held.DeliverAt, now));
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Schedules the delivery of every message just posted that is being held.</summary>
    public static async Task ScheduleHeldAsync(IMessageContext messages, MessageDeliveryOptions options, IEnumerable<object> events, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(options);
        var list = events.ToList();
        var deliveredNow = list.OfType<MessageDelivered>().Select(d => d.MessageId).ToHashSet();
        foreach (var posted in list.OfType<MessagePosted>().Where(p => !deliveredNow.Contains(p.MessageId)))
            await messages.ScheduleAsync(new DeliverMessage(posted.ThreadId, posted.MessageId), options.DelayUntil(posted.DeliverAt, now));
    }
}
