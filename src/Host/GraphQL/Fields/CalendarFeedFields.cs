using GraphQL;
using GraphQL.Types;
using MonBureau.Application;
using MonBureau.Domain.CalendarFeeds;
using MonBureau.Domain.Common;
using MonBureau.Host.Agenda;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Projections.Agenda;
using Wolverine;

namespace MonBureau.Host.GraphQL.Fields;

internal static class CalendarFeedFields
{
    public static void AddQueries(ObjectGraphType query) =>
        query.Field<CalendarFeedType, CalendarFeedView>("myCalendarFeed")
            .Description("The signed-in person's calendar feed in this profile, if they ever made one.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                return await session.LoadAsync<CalendarFeedView>(FeedId(ctx), ctx.CancellationToken);
            });

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CalendarFeedAddressType>, CalendarFeedAddress>("openCalendarFeed")
            .Description("Makes a secret iCalendar address for the signed-in person's agenda, to subscribe to from a phone. One per profile.")
            .Authorize()
            .ResolveAsync(ctx => WithNewSecretAsync(ctx, hash => new OpenCalendarFeed(hash)));

        mutation.Field<NonNullGraphType<CalendarFeedAddressType>, CalendarFeedAddress>("rotateCalendarFeed")
            .Description("Replaces the feed's secret address; the old one stops working at once.")
            .Authorize()
            .ResolveAsync(ctx => WithNewSecretAsync(ctx, hash => new RotateCalendarFeed(hash)));

        mutation.Field<NonNullGraphType<CalendarFeedType>, CalendarFeedView>("revokeCalendarFeed")
            .Description("Revokes the feed; its address stops working at once.")
            .Authorize()
            .ResolveAsync(async ctx => (await ctx.SendAndReadAsync<CalendarFeedView>(new RevokeCalendarFeed()))!);
    }

    /// <summary>The secret is drawn here and only its hash travels in the command, so it never reaches the bus, the log or the store.</summary>
    private static async Task<CalendarFeedAddress?> WithNewSecretAsync(IResolveFieldContext ctx, Func<string, object> command)
    {
        var token = CalendarFeedTokens.NewToken();
        var feedId = await ctx.Service<IMessageBus>().RunAsync<Guid>(command(CalendarFeedTokens.Hash(token)), ctx.CancellationToken);
        await using var session = ctx.OpenQuerySession();
        var feed = await session.LoadAsync<CalendarFeedView>(feedId, ctx.CancellationToken) ?? throw BusinessRuleException.NotFound("Calendar feed");
        var request = ctx.Service<IHttpContextAccessor>().HttpContext?.Request;
        var origin = request is null ? "" : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return new CalendarFeedAddress(origin + CalendarFeedTokens.PathFor(token), feed);
    }

    private static Guid FeedId(IResolveFieldContext ctx)
    {
        var actor = ctx.Actor();
        return CalendarFeedDecisions.FeedIdFor(actor.Id, actor.Role, actor.EstablishmentId ?? Guid.Empty);
    }
}
