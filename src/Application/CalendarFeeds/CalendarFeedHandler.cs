using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.CalendarFeeds;
using MonBureau.Domain.Common;

namespace MonBureau.Application.CalendarFeeds;

public static class CalendarFeedHandler
{
    public static async Task<Guid> Handle(OpenCalendarFeed command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (actor, establishmentId, feedId) = Owner();
        var existing = await session.Events.FetchLatest<CalendarFeed>(feedId, cancellationToken);
        var opened = CalendarFeedDecisions.Open(feedId, command, existing, actor.Id, actor.Role, establishmentId, clock.GetUtcNow());
        session.Events.Append(feedId, opened);
        return feedId;
    }

    public static async Task<Guid> Handle(RotateCalendarFeed command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (_, _, feedId) = Owner();
        var rotated = CalendarFeedDecisions.Rotate(command, await session.Events.FetchLatest<CalendarFeed>(feedId, cancellationToken), clock.GetUtcNow());
        session.Events.Append(feedId, rotated);
        return feedId;
    }

    public static async Task<Guid> Handle(RevokeCalendarFeed command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (_, _, feedId) = Owner();
        var revoked = CalendarFeedDecisions.Revoke(await session.Events.FetchLatest<CalendarFeed>(feedId, cancellationToken), clock.GetUtcNow());
        session.Events.Append(feedId, revoked);
        return feedId;
    }

    /// <summary>Everyone signed in to an establishment may have a feed; a system job or a region profile has no agenda.</summary>
    private static (Actor Actor, Guid EstablishmentId, Guid FeedId) Owner()
    {
        var actor = ActingContext.Current ?? throw new MissingActorException();
        if (actor.IsSystem || actor.EstablishmentId is not { } establishmentId)
            throw BusinessRuleException.Forbidden();
        return (actor, establishmentId, CalendarFeedDecisions.FeedIdFor(actor.Id, actor.Role, establishmentId));
    }
}
