using JasperFx.Events.Projections;
using Marten;
using MonBureau.Projections.Resources;

namespace MonBureau.Projections.Agenda;

public static class AgendaProjectionsSetup
{
    /// <summary>Agenda events, calendar feeds and the resource bank, inline like the rest.</summary>
    public static void AddAgendaProjections(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<AgendaEventViewProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<CalendarFeedViewProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<ResourceViewProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<AgendaEventView>().Index(x => x.AudienceId).Index(x => x.StartsAt);
        options.Schema.For<CalendarFeedView>().Index(x => x.TokenHash!);
        options.Schema.For<ResourceView>().Index(x => x.EstablishmentId);
    }
}
