using GraphQL;
using GraphQL.Types;
using Marten;
using MonBureau.Application;
using MonBureau.Domain.Common;
using MonBureau.Domain.Portal;
using MonBureau.Host.GraphQL.Paging;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Host.Portal;
using MonBureau.Projections.People;
using MonBureau.Projections.Portal;
using Wolverine;

namespace MonBureau.Host.GraphQL.Fields;

/// <summary>The service portal (docs/portal.md): the connector catalogue, each establishment's settings, the signed-in user's services and the hand-off to them.</summary>
internal static class PortalFields
{
    /// <summary>The period <c>serviceUsage</c> covers when none is given.</summary>
    public static readonly TimeSpan UsagePeriod = TimeSpan.FromDays(30);

    public static void AddQueries(ObjectGraphType query)
    {
        query.Connection<ConnectorType, ConnectorView>("connectorCatalogue")
            .Description("Every service of the platform's catalogue, by name.")
            .AuthorizeWithRoles(nameof(Role.RegionAdministrator), nameof(Role.EstablishmentAdministrator), nameof(Role.Direction), nameof(Role.PrivacyOfficer))
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                return await session.Query<ConnectorView>().ToConnectionAsync(ctx, by => by.Ascending(c => c.Name));
            });

        query.Connection<ConnectorSettingType, ConnectorSettingView>("connectorSettings")
            .Description("The connectors the signed-in person's establishment has decided on: the privacy officer's decision and the profiles each is shown to.")
            .AuthorizeWithRoles(nameof(Role.EstablishmentAdministrator), nameof(Role.Direction), nameof(Role.PrivacyOfficer))
            .ResolveAsync(async ctx =>
            {
                var establishmentId = ctx.Actor().EstablishmentId ?? Guid.Empty;
                await using var session = ctx.OpenQuerySession();
                return await session.Query<ConnectorSettingView>().Where(s => s.EstablishmentId == establishmentId)
                    .ToConnectionAsync(ctx, by => by.Ascending(s => s.ConnectorId));
            });

        query.Connection<PortalServiceType, PortalService>("myServices")
            .Description("The services (portail de services) the signed-in person's profile may open at their establishment, by name, each with its last health check: a degraded service is marked, never in the way of the page.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                return (await VisibleAsync(ctx, session, null)).ToConnection(ctx);
            });

        query.Connection<ServiceUsageType, ServiceUsage>("serviceUsage")
            .Description($"For the direction: how often each service was opened at the establishment over a period (default the last {UsagePeriod.TotalDays:0} days, at most a year), most opened first.")
            .Argument<DateTimeOffsetGraphType>("from", "Start of the period (inclusive).")
            .Argument<DateTimeOffsetGraphType>("to", "End of the period (exclusive); up to now by default.")
            .AuthorizeWithRoles(nameof(Role.Direction), nameof(Role.EstablishmentAdministrator))
            .ResolveAsync(async ctx =>
            {
                var establishmentId = ctx.Actor().EstablishmentId ?? Guid.Empty;
                var to = ctx.GetArgument<DateTimeOffset?>("to");
                var end = to ?? ctx.Service<TimeProvider>().GetUtcNow();
                var from = ctx.GetArgument<DateTimeOffset?>("from") ?? end - UsagePeriod;
                if (end <= from || end - from > TimeSpan.FromDays(366))
                    throw BusinessRuleException.Invalid("The period must end after it starts and last at most a year.");
                await using var session = ctx.OpenQuerySession();
                // Read from the openings themselves (the event log), grouped here: a period of one establishment's openings.
                var openings = session.Events.QueryRawEventDataOnly<ServiceOpened>().Where(o => o.EstablishmentId == establishmentId && o.OpenedAt >= from);
                if (to is { } until)
                    openings = openings.Where(o => o.OpenedAt < until);
                var read = await openings.ToListAsync(ctx.CancellationToken);
                var byConnector = read.GroupBy(o => o.ConnectorId).ToDictionary(g => g.Key, g => (Openings: g.Count(), People: g.Select(o => o.PersonId).Distinct().Count()));
                IReadOnlyList<ConnectorView> connectors = byConnector.Count == 0 ? [] : await session.LoadManyAsync<ConnectorView>(ctx.CancellationToken, byConnector.Keys);
                return connectors
                    .Select(c => new ServiceUsage(c, byConnector[c.Id].Openings, byConnector[c.Id].People))
                    .OrderByDescending(u => u.Openings).ThenBy(u => u.Connector.Name, StringComparer.Ordinal)
                    .ToList()
                    .ToConnection(ctx);
            });
    }

    /// <summary>The connectors enabled for the actor's profile at their establishment (one or all), by name, with their health.</summary>
    private static async Task<IReadOnlyList<PortalService>> VisibleAsync(IResolveFieldContext ctx, IQuerySession session, Guid? only)
    {
        var actor = ctx.Actor();
        var establishmentId = actor.EstablishmentId ?? Guid.Empty;
        var role = actor.Role;
        // An establishment decides on a few dozen connectors at most: filtered by profile here.
        var settings = await session.Query<ConnectorSettingView>().Where(s => s.EstablishmentId == establishmentId).ToListAsync(ctx.CancellationToken);
        var ids = settings.Where(s => s.EnabledProfiles.Contains(role) && (only is null || s.ConnectorId == only)).Select(s => s.ConnectorId).ToArray();
        if (ids.Length == 0)
            return [];
        var connectors = await session.LoadManyAsync<ConnectorView>(ctx.CancellationToken, ids);
        var health = (await session.LoadManyAsync<ConnectorHealthView>(ctx.CancellationToken, ids)).ToDictionary(h => h.Id);
        return [.. connectors.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new PortalService(c, health.GetValueOrDefault(c.Id)))];
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ConnectorType>, ConnectorView>("registerConnector")
            .Description("Adds a service to the platform's catalogue; establishments then choose to show it.")
            .Argument<NonNullGraphType<RegisterConnectorInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.RegionAdministrator))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<ConnectorView>(ctx.GetArgument<RegisterConnector>("input")));

        mutation.Field<NonNullGraphType<ConnectorSettingType>, ConnectorSettingView>("approveConnector")
            .Description("The privacy officer (référent RGPD) approves a connector that receives personal data, for some profiles of the establishment (start with a reduced scope), with the reason.")
            .Argument<NonNullGraphType<ApproveConnectorInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.PrivacyOfficer))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<ConnectorSettingView>(ctx.GetArgument<ApproveConnector>("input")));

        mutation.Field<NonNullGraphType<ConnectorSettingType>, ConnectorSettingView>("refuseConnector")
            .Description("The privacy officer refuses a connector, with the reason; an enabled one leaves the portals at once.")
            .Argument<NonNullGraphType<RefuseConnectorInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.PrivacyOfficer))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<ConnectorSettingView>(ctx.GetArgument<RefuseConnector>("input")));

        mutation.Field<NonNullGraphType<ConnectorSettingType>, ConnectorSettingView>("enableConnector")
            .Description("Shows a connector in the portal of some profiles of the establishment. One that receives personal data needs the privacy officer's approval for those profiles first (PRIVACY_APPROVAL_REQUIRED).")
            .Argument<NonNullGraphType<EnableConnectorInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.EstablishmentAdministrator), nameof(Role.Direction))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<ConnectorSettingView>(ctx.GetArgument<EnableConnector>("input")));

        mutation.Field<NonNullGraphType<ConnectorSettingType>, ConnectorSettingView>("disableConnector")
            .Description("The fallback: takes a connector out of every portal of the establishment at once.")
            .Argument<NonNullGraphType<IdGraphType>>("connectorId", "The connector.")
            .AuthorizeWithRoles(nameof(Role.EstablishmentAdministrator), nameof(Role.Direction), nameof(Role.PrivacyOfficer))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<ConnectorSettingView>(new DisableConnector(ctx.GetArgument<Guid>("connectorId"))));

        mutation.Field<NonNullGraphType<ServiceLaunchType>, ServiceLaunch>("openService")
            .Description("Opens a service of the signed-in person's portal: a signed assertion valid two minutes, to post to the launch address (docs/portal.md). The opening is recorded (who, which service, when; never the pseudonym) for the usage counts.")
            .Argument<NonNullGraphType<IdGraphType>>("connectorId", "The service.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                var connectorId = ctx.GetArgument<Guid>("connectorId");
                await using var session = ctx.OpenQuerySession();
                var service = (await VisibleAsync(ctx, session, connectorId)).SingleOrDefault() ?? throw BusinessRuleException.NotFound("Service");
                await ctx.Service<IMessageBus>().RunAsync<Guid>(new RecordServiceOpening(connectorId), ctx.CancellationToken);
                (string?, string?)? names = null;
                if (service.Connector.ReceivesPersonalData
                    && await session.LoadAsync<PersonDetails>(ctx.Actor().Id, ctx.CancellationToken) is { } me)
                    names = (me.GivenName.Value, me.FamilyName.Value);
                return ctx.Service<ServiceAssertions>().Issue(service.Connector, ctx.Actor(), names);
            });
    }
}
