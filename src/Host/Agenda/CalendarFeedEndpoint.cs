using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Identity;
using MonBureau.Projections.Agenda;
using MonBureau.Projections.People;

namespace MonBureau.Host.Agenda;

/// <summary>
/// GET /calendar/{token}.ics: the personal agenda as iCalendar, for phone calendars that cannot sign in. The token is
/// the credential; the request then acts as the feed's owner in the profile it was made for, so reads of a child's
/// agenda are recorded like any API read. An unknown, revoked or orphaned token gets a bare 404.
/// </summary>
public static class CalendarFeedEndpoint
{
    public const string Operation = "GET /calendar";

    /// <summary>Two weeks back for what just happened, about three months ahead for what is planned.</summary>
    public static readonly TimeSpan Past = TimeSpan.FromDays(14);
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(92);

    public static void MapCalendarFeed(this IEndpointRouteBuilder app) =>
        app.MapGet("/calendar/{token}.ics", GetAsync).AllowAnonymous();

    private static async Task<IResult> GetAsync(string token, HttpContext http, IDocumentStore store, AccessLog accessLog, TimeProvider clock)
    {
        if (!CalendarFeedTokens.IsWellFormed(token))
            return Results.NotFound();
        var hash = CalendarFeedTokens.Hash(token);
        await using var session = store.QuerySession();
        var feed = await session.Query<CalendarFeedView>().Where(f => f.TokenHash == hash).FirstOrDefaultAsync(http.RequestAborted);
        if (feed is null || !await OwnerStillHoldsProfileAsync(session, feed, http.RequestAborted))
            return Results.NotFound();

        var actor = new Actor(feed.OwnerId, feed.Role, feed.EstablishmentId);
        using var acting = ActingContext.Begin(actor, http.TraceIdentifier);
        var now = clock.GetUtcNow();
        var agenda = await PersonalAgenda.ReadAsync(session, accessLog, actor, now - Past, now + Ahead, Operation, now, http.RequestAborted);
        return Results.Text(CalendarFeedWriter.Write(agenda, now, http.Request.Host.Host), "text/calendar; charset=utf-8");
    }

    /// <summary>A feed dies with the profile or the account it was made for.</summary>
    private static async Task<bool> OwnerStillHoldsProfileAsync(IQuerySession session, CalendarFeedView feed, CancellationToken cancellationToken)
    {
        var owner = await session.LoadAsync<PersonDetails>(feed.OwnerId, cancellationToken);
        if (owner is null || owner.Forgotten || !owner.Profiles.Any(p => p.Role == feed.Role && p.EstablishmentId == feed.EstablishmentId))
            return false;
        var account = await session.LoadAsync<Account>(feed.OwnerId, cancellationToken);
        return account?.Status is not (AccountStatus.Closed or AccountStatus.Erased);
    }
}
