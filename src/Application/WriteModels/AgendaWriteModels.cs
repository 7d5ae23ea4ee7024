using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using MonBureau.Domain.Agenda;
using MonBureau.Domain.CalendarFeeds;
using MonBureau.Domain.Resources;

namespace MonBureau.Application.WriteModels;

public partial class AgendaEventState : SingleStreamProjection<AgendaEvent, Guid>
{
    public static AgendaEvent Create(AgendaEventScheduled e) => AgendaEvent.Create(e);

    public AgendaEvent Apply(AgendaEventCancelled e, AgendaEvent agendaEvent) => agendaEvent.Apply(e);
}

public partial class CalendarFeedState : SingleStreamProjection<CalendarFeed, Guid>
{
    public static CalendarFeed Create(CalendarFeedOpened e) => CalendarFeed.Create(e);

    public CalendarFeed Apply(CalendarFeedOpened e, CalendarFeed feed) => feed.Apply(e);

    public CalendarFeed Apply(CalendarFeedRevoked e, CalendarFeed feed) => feed.Apply(e);
}

public partial class ResourceState : SingleStreamProjection<Resource, Guid>
{
    public static Resource Create(ResourcePublished e) => Resource.Create(e);

    public Resource Apply(ResourceArchived e, Resource resource) => resource.Apply(e);
}

public static class AgendaWriteModelsSetup
{
    /// <summary>The agenda, calendar feeds and the resource bank.</summary>
    public static void AddAgendaWriteModels(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<AgendaEventState>(ProjectionLifecycle.Inline);
        options.Projections.Add<CalendarFeedState>(ProjectionLifecycle.Inline);
        options.Projections.Add<ResourceState>(ProjectionLifecycle.Inline);
    }
}
