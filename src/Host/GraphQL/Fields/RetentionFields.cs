using GraphQL;
using GraphQL.Types;
using MonBureau.Application;
using MonBureau.Application.Privacy;
using MonBureau.Domain.Common;
using MonBureau.Domain.Privacy;
using MonBureau.Host.GraphQL.Paging;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Projections.Establishments;
using Wolverine;

namespace MonBureau.Host.GraphQL.Fields;

internal static class RetentionFields
{
    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<EffectiveRetentionType>>>, IReadOnlyList<EffectiveRetention>>("retentionPolicies")
            .Description("The retention register of the signed-in staff member's establishment: every category, its duration and legal source.")
            .AuthorizeWithRoles(nameof(Role.PrivacyOfficer), nameof(Role.Direction), nameof(Role.EstablishmentAdministrator))
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                var establishment = await session.LoadAsync<EstablishmentDetails>(ctx.Actor().EstablishmentId ?? Guid.Empty, ctx.CancellationToken);
                return Effective(establishment);
            });

    /// <summary>
    /// The purge's dry run, as <c>retention-purge --dry-run</c> prints it; an establishment's privacy officer sees their
    /// establishment's lines and the region-wide ones, not other establishments'.
    /// </summary>
    public static void AddDryRun(ObjectGraphType query) =>
        query.Connection<PurgeDueType, PurgeCount>("purgeDryRun")
            .Description("What the next retention purge would erase, per category and establishment (region-wide categories as such); nothing is changed.")
            .AuthorizeWithRoles(nameof(Role.PrivacyOfficer))
            .ResolveAsync(async ctx =>
            {
                var report = await ctx.Service<IMessageBus>().RunAsync<PurgeReport>(new RunRetentionPurge(DryRun: true), ctx.CancellationToken);
                var mine = ctx.Actor().EstablishmentId;
                return report.ByEstablishment.Where(c => c.EstablishmentId is null || mine is null || c.EstablishmentId == mine).ToList().ToConnection(ctx);
            });

    public static void AddMutations(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<EffectiveRetentionType>>>, IReadOnlyList<EffectiveRetention>>("overrideRetention")
            .Description("Sets the establishment's own retention of one category, within its legal bounds; creates a new policy version.")
            .Argument<NonNullGraphType<RetentionCategoryType>>("category", "The category.")
            .Argument<NonNullGraphType<IntGraphType>>("days", "The new duration in days.")
            .AuthorizeWithRoles(nameof(Role.PrivacyOfficer))
            .ResolveAsync(async ctx =>
            {
                var command = new OverrideRetention(ctx.Actor().EstablishmentId ?? Guid.Empty, ctx.GetArgument<RetentionCategory>("category"), ctx.GetArgument<int>("days"));
                return Effective(await ctx.SendAndReadAsync<EstablishmentDetails>(command));
            });

    private static List<EffectiveRetention> Effective(EstablishmentDetails? establishment) =>
    [
        .. RetentionRegistry.Defaults.Select(rule => establishment?.RetentionOverrides.TryGetValue(rule.Category, out var own) == true
            ? new EffectiveRetention(rule, own, true, establishment.RetentionPolicyVersion)
            : new EffectiveRetention(rule, rule.Duration, false, establishment?.RetentionPolicyVersion ?? 0)),
    ];
}
