using GraphQL;
using GraphQL.Types;
using Marten;
using MonBureau.Domain.Common;
using MonBureau.Domain.Grading;
using MonBureau.Host.GraphQL.Paging;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Projections.Grading;

namespace MonBureau.Host.GraphQL.Fields;

internal static class GradingScaleFields
{
    public static void AddQueries(ObjectGraphType query) =>
        query.Connection<GradingScaleType, GradingScaleDetails>("gradingScales")
            .Description("The grading scales (barèmes) the signed-in user can use: the establishment's, then a teacher's own, by name.")
            .AuthorizeWithRoles(nameof(Role.Teacher), nameof(Role.Direction), nameof(Role.EstablishmentAdministrator))
            .ResolveAsync(async ctx =>
            {
                var actor = ctx.Actor();
                await using var session = ctx.OpenQuerySession();
                var scales = await session.Query<GradingScaleDetails>()
                    .Where(s => s.EstablishmentId == actor.EstablishmentId && (s.OwnerTeacherId == null || s.OwnerTeacherId == actor.Id))
                    .OrderBy(s => s.Name)
                    .Take(200)
                    .ToListAsync(ctx.CancellationToken);
                // The establishment's come before the teacher's own, an order SQL cannot page by: the capped list is paged in memory.
                return scales.OrderBy(s => s.OwnerTeacherId is not null).ToList().ToConnection(ctx);
            });

    public static void AddMutations(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<GradingScaleType>, GradingScaleDetails>("createGradingScale")
            .Description("Creates a grading-scale template: a teacher's own, or (direction, administrator) the establishment's.")
            .Argument<NonNullGraphType<CreateGradingScaleInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Teacher), nameof(Role.Direction), nameof(Role.EstablishmentAdministrator))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<GradingScaleDetails>(ctx.GetArgument<CreateGradingScale>("input")));
}
