using GraphQL;
using GraphQL.Types;
using MonBureau.Application.Auditing;
using MonBureau.Application.Establishments;
using MonBureau.Domain.Agenda;
using MonBureau.Domain.Common;
using MonBureau.Host.Agenda;
using MonBureau.Host.GraphQL.Paging;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Projections.Agenda;

namespace MonBureau.Host.GraphQL.Fields;

internal static class AgendaFields
{
    /// <summary>How far ahead the important-events banner looks.</summary>
    private static readonly TimeSpan BannerHorizon = TimeSpan.FromDays(60);

    private static readonly string[] Editors = [nameof(Role.Teacher), nameof(Role.Direction), nameof(Role.SchoolLifeOffice), nameof(Role.EstablishmentAdministrator)];

    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<PersonalAgendaType>, PersonalAgendaView>("myAgenda")
            .Description("The signed-in person's agenda over a period of at most 186 days: timetable lessons and the events that concern them (for a guardian, their children's).")
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("from", "Start of the period.")
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("to", "End of the period.")
            .Authorize()
            .ResolveAsync(async ctx => await AgendaAsync(ctx, ctx.GetArgument<DateTimeOffset>("from"), ctx.GetArgument<DateTimeOffset>("to")));

        query.Connection<AgendaEventType, AgendaEventView>("importantAgendaEvents")
            .Description("The important-events banner: events flagged important that concern the signed-in person, not cancelled, from now to 60 days ahead, soonest first.")
            .Authorize()
            // Read from the personal agenda of the next 60 days, a bounded list: paged in memory.
            .ResolveAsync(async ctx => (await ImportantEventsAsync(ctx)).ToConnection(ctx));
    }

    /// <summary>The banner's events for the signed-in person (see <c>importantAgendaEvents</c>); home pages show it first.</summary>
    internal static async Task<IReadOnlyList<AgendaEventView>> ImportantEventsAsync(IResolveFieldContext ctx)
    {
        var now = ctx.Service<TimeProvider>().GetUtcNow();
        await using var session = ctx.OpenQuerySession();
        var agenda = await PersonalAgenda.ReadAsync(session, ctx.Service<AccessLog>(), ctx.Actor(), now, now + BannerHorizon, Operation(ctx), now, ctx.CancellationToken);
        return Banner(agenda, now);
    }

    /// <summary>The banner out of an agenda read up to at least 60 days ahead: important, not cancelled, not over.</summary>
    internal static IReadOnlyList<AgendaEventView> Banner(PersonalAgendaView agenda, DateTimeOffset now) =>
        [.. agenda.Events.Where(e => e.Important && !e.Cancelled && e.EndsAt > now && e.StartsAt < now + BannerHorizon)];

    /// <summary>Today and the banner from one read of the agenda: from the start of the UTC day to the banner's horizon.</summary>
    internal static async Task<(PersonalAgendaView Today, IReadOnlyList<AgendaEventView> Banner)> TodayAndBannerAsync(IResolveFieldContext ctx)
    {
        // Every establishment lives in Europe/Paris so far: the default zone saves a read on the home pages' path.
        var clock = ctx.Service<TimeProvider>();
        var now = clock.GetUtcNow();
        var day = EstablishmentClock.Today(clock, null);
        var today = EstablishmentClock.StartOf(day, null);
        var tomorrow = EstablishmentClock.StartOf(day.AddDays(1), null);
        var agenda = await AgendaAsync(ctx, today, now + BannerHorizon);
        return (new PersonalAgendaView(today, tomorrow,
                [.. agenda.Lessons.Where(l => l.StartsAt < tomorrow)],
                [.. agenda.Events.Where(e => e.StartsAt < tomorrow)]),
            Banner(agenda, now));
    }

    /// <summary>The signed-in person's agenda over the given period (see <c>myAgenda</c>).</summary>
    internal static async Task<PersonalAgendaView> AgendaAsync(IResolveFieldContext ctx, DateTimeOffset from, DateTimeOffset to)
    {
        await using var session = ctx.OpenQuerySession();
        return await PersonalAgenda.ReadAsync(session, ctx.Service<AccessLog>(), ctx.Actor(), from, to, Operation(ctx), ctx.Service<TimeProvider>().GetUtcNow(), ctx.CancellationToken);
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<AgendaEventType>, AgendaEventView>("scheduleAgendaEvent")
            .Description("Puts an event on the agenda of the establishment, a class or a group.")
            .Argument<NonNullGraphType<ScheduleAgendaEventInputType>>("input")
            .AuthorizeWithRoles(Editors)
            .ResolveAsync(ctx => ctx.SendAndReadAsync<AgendaEventView>(ctx.GetArgument<ScheduleAgendaEvent>("input")));

        mutation.Field<NonNullGraphType<AgendaEventType>, AgendaEventView>("reviseAgendaEvent")
            .Description("Changes an event's details; whoever could schedule it may.")
            .Argument<NonNullGraphType<ReviseAgendaEventInputType>>("input")
            .AuthorizeWithRoles(Editors)
            .ResolveAsync(ctx => ctx.SendAndReadAsync<AgendaEventView>(ctx.GetArgument<ReviseAgendaEvent>("input")));

        mutation.Field<NonNullGraphType<AgendaEventType>, AgendaEventView>("cancelAgendaEvent")
            .Description("Cancels an event; it stays on the agenda, marked cancelled.")
            .Argument<NonNullGraphType<IdGraphType>>("eventId", "The event.")
            .AuthorizeWithRoles(Editors)
            .ResolveAsync(ctx => ctx.SendAndReadAsync<AgendaEventView>(new CancelAgendaEvent(ctx.GetArgument<Guid>("eventId"))));
    }

    private static string Operation(IResolveFieldContext ctx) => $"{ctx.ParentType.Name}.{ctx.FieldDefinition.Name}";
}
