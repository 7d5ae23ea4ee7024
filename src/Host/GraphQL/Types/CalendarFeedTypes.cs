using GraphQL.Types;
using MonBureau.Projections.Agenda;

namespace MonBureau.Host.GraphQL.Types;

public sealed class CalendarFeedType : ObjectGraphType<CalendarFeedView>
{
    public CalendarFeedType()
    {
        Name = "CalendarFeed";
        Description = "The signed-in person's iCalendar subscription; its address is shown only when made or rotated.";
        Field(x => x.Active).Description("False once revoked: the address no longer answers.");
        Field(x => x.OpenedAt).Description("When the feed was made.");
        Field(x => x.RotatedAt, nullable: true).Description("When its address last changed.");
        Field(x => x.RevokedAt, nullable: true).Description("When it was revoked.");
    }
}

/// <summary>The only moment the secret address exists outside its owner's phone.</summary>
public sealed record CalendarFeedAddress(string Url, CalendarFeedView Feed);

public sealed class CalendarFeedAddressType : ObjectGraphType<CalendarFeedAddress>
{
    public CalendarFeedAddressType()
    {
        Name = "CalendarFeedAddress";
        Description = "A new secret feed address. It is shown this once: MonBureau keeps only a hash of it.";
        Field(x => x.Url).Description("Address to subscribe to in a calendar app (…/calendar/<secret>.ics). Anyone with it can read the agenda.");
        Field<NonNullGraphType<CalendarFeedType>, CalendarFeedView>("feed").Description("The feed.").Resolve(ctx => ctx.Source.Feed);
    }
}
