using GraphQL;
using GraphQL.Types;
using MonBureau.Domain.Common;
using MonBureau.Domain.Notifications;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Host.Realtime;
using MonBureau.Projections.Messaging;
using MonBureau.Projections.Notifications;
using MonBureau.Projections.People;

namespace MonBureau.Host.GraphQL.Fields;

/// <summary>
/// Subscriptions (over WebSocket, graphql-transport-ws): the signed-in person's own new messages and notifications,
/// as committed. There is no argument naming a person: nobody can watch someone else's.
/// </summary>
internal static class LiveFields
{
    public static void AddSubscriptions(ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<MessageThreadType>>("messageReceived")
            .Description("The conversation, as the signed-in person sees it, each time a message is delivered to them in it (held messages when their quiet hours end).")
            .Authorize()
            .ResolveStream(ctx => ctx.Service<LiveFeed>().Watch<MessageArrived>(ctx.Actor().Id))
            .ResolveAsync(async ctx =>
            {
                var arrived = (MessageArrived)ctx.Source!;
                await using var session = ctx.OpenQuerySession();
                var thread = await session.LoadAsync<MessageThreadView>(arrived.ThreadId, ctx.CancellationToken);
                return thread is not null && thread.VisibleTo.Contains(ctx.Actor().Id) ? thread : throw BusinessRuleException.NotFound("Thread");
            });

        subscription.Field<NonNullGraphType<NotificationGroupType>>("notificationReceived")
            .Description("Each new notification for the signed-in person, as a group of one (the notifications list groups bursts).")
            .Authorize()
            .ResolveStream(ctx => ctx.Service<LiveFeed>().Watch<NotificationArrived>(ctx.Actor().Id))
            .ResolveAsync(async ctx =>
            {
                var arrived = (NotificationArrived)ctx.Source!;
                await using var session = ctx.OpenQuerySession();
                var notification = await session.LoadAsync<Notification>(arrived.NotificationId, ctx.CancellationToken);
                if (notification is null || notification.RecipientId != ctx.Actor().Id)
                    throw BusinessRuleException.NotFound("Notification");
                var actor = notification.ActorId is { } id ? await session.LoadAsync<PersonDetails>(id, ctx.CancellationToken) : null;
                var name = actor is { GivenName.Value: { } given, FamilyName.Value: { } family } ? $"{given} {family}" : null;
                return new NotificationGroupView(NotificationGrouping.Group([notification.ToItem()]).Single(), name, notification.ReadAt is null);
            });
    }
}
