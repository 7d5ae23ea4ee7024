using GraphQL;
using GraphQL.Types;
using Marten;
using MonBureau.Domain.Common;
using MonBureau.Domain.Status;
using MonBureau.Host.GraphQL.Paging;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Projections.Status;

namespace MonBureau.Host.GraphQL.Fields;

/// <summary>
/// The status page (page d'état du service): incidents and maintenance windows, readable without signing in so that
/// people who cannot sign in learn why. Establishment notices are shown with the platform's when an establishment is named.
/// </summary>
internal static class StatusFields
{
    /// <summary>How far ahead an announced maintenance window appears on the status page.</summary>
    public static readonly TimeSpan AnnouncedAhead = TimeSpan.FromDays(7);

    /// <summary>How far ahead a maintenance window appears in the home pages' banner.</summary>
    public static readonly TimeSpan Imminent = TimeSpan.FromHours(24);

    public static void AddQueries(ObjectGraphType query)
    {
        query.Connection<ServiceNoticeType, ServiceNoticeView>("currentIncidents")
            .Description("Incidents not resolved yet, latest first: the platform's and, when named, the establishment's. No sign-in needed.")
            .Argument<IdGraphType>("establishmentId", "Also the incidents of this establishment.")
            .AllowAnonymous()
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                var establishmentId = ctx.GetArgument<Guid?>("establishmentId");
                return await InScope(session, establishmentId)
                    .Where(n => n.Kind == NoticeKind.Incident && n.Status != IncidentStatus.Resolved)
                    .ToConnectionAsync(ctx, by => by.Descending(n => n.StartsAt));
            });

        query.Connection<ServiceNoticeType, ServiceNoticeView>("upcomingMaintenance")
            .Description($"Maintenance windows under way or starting within {AnnouncedAhead.TotalDays:0} days, soonest first: the platform's and, when named, the establishment's. No sign-in needed.")
            .Argument<IdGraphType>("establishmentId", "Also the maintenance of this establishment.")
            .AllowAnonymous()
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                var now = ctx.Service<TimeProvider>().GetUtcNow();
                var horizon = now + AnnouncedAhead;
                return await InScope(session, ctx.GetArgument<Guid?>("establishmentId"))
                    .Where(n => n.Kind == NoticeKind.Maintenance && n.CancelledAt == null && n.EndsAt > now && n.StartsAt <= horizon)
                    .ToConnectionAsync(ctx, by => by.Ascending(n => n.StartsAt));
            });

        query.Field<NonNullGraphType<ServiceNoticeType>, ServiceNoticeView>("serviceNotice")
            .Description("One incident or maintenance window with its timeline. No sign-in needed.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The incident or maintenance window.")
            .AllowAnonymous()
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                return await session.LoadAsync<ServiceNoticeView>(ctx.GetArgument<Guid>("id"), ctx.CancellationToken)
                    ?? throw BusinessRuleException.NotFound("Incident");
            });
    }

    /// <summary>What a home page's banner shows: open incidents, and maintenance under way or starting within a day.</summary>
    public static async Task<IReadOnlyList<ServiceNoticeView>> BannerAsync(IResolveFieldContext ctx)
    {
        var now = ctx.Service<TimeProvider>().GetUtcNow();
        var soon = now + Imminent;
        await using var session = ctx.OpenQuerySession();
        var notices = await InScope(session, ctx.Actor().EstablishmentId)
            .Where(n => (n.Kind == NoticeKind.Incident && n.Status != IncidentStatus.Resolved)
                || (n.Kind == NoticeKind.Maintenance && n.CancelledAt == null && n.EndsAt > now && n.StartsAt <= soon))
            .ToListAsync(ctx.CancellationToken);
        return [.. notices.OrderBy(n => n.Kind).ThenBy(n => n.StartsAt)];
    }

    private static IQueryable<ServiceNoticeView> InScope(IQuerySession session, Guid? establishmentId) =>
        establishmentId is { } id
            ? session.Query<ServiceNoticeView>().Where(n => n.EstablishmentId == null || n.EstablishmentId == id)
            : session.Query<ServiceNoticeView>().Where(n => n.EstablishmentId == null);

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ServiceNoticeType>, ServiceNoticeView>("declareIncident")
            .Description("Declares an incident (status INVESTIGATING) on the status page: for the whole platform (region administrators) or one establishment.")
            .Argument<NonNullGraphType<DeclareIncidentInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.RegionAdministrator), nameof(Role.EstablishmentAdministrator))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<ServiceNoticeView>(ctx.GetArgument<DeclareIncident>("input")));

        mutation.Field<NonNullGraphType<ServiceNoticeType>, ServiceNoticeView>("updateIncident")
            .Description("Adds a step to an incident's timeline; it only moves forward (INVESTIGATING → IDENTIFIED → RESOLVED). A resolved incident gets CONFLICT.")
            .Argument<NonNullGraphType<UpdateIncidentInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.RegionAdministrator), nameof(Role.EstablishmentAdministrator))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<ServiceNoticeView>(ctx.GetArgument<UpdateIncident>("input")));

        mutation.Field<NonNullGraphType<ServiceNoticeType>, ServiceNoticeView>("announceMaintenance")
            .Description($"Announces a maintenance window (at most {StatusDecisions.MaxMaintenance.TotalDays:0} days); the status page shows it {AnnouncedAhead.TotalDays:0} days ahead, home pages a day ahead.")
            .Argument<NonNullGraphType<AnnounceMaintenanceInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.RegionAdministrator), nameof(Role.EstablishmentAdministrator))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<ServiceNoticeView>(ctx.GetArgument<AnnounceMaintenance>("input")));

        mutation.Field<NonNullGraphType<ServiceNoticeType>, ServiceNoticeView>("cancelMaintenance")
            .Description("Calls off a maintenance window that has not ended (whoever may announce it): it leaves the status page and the banners at once. Twice, or once over, is CONFLICT.")
            .Argument<NonNullGraphType<IdGraphType>>("maintenanceId", "The maintenance window.")
            .AuthorizeWithRoles(nameof(Role.RegionAdministrator), nameof(Role.EstablishmentAdministrator))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<ServiceNoticeView>(new CancelMaintenance(ctx.GetArgument<Guid>("maintenanceId"))));
    }
}
