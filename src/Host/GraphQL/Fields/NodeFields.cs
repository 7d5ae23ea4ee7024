using GraphQL;
using GraphQL.Types;
using MonBureau.Domain.Common;
using MonBureau.Host.GraphQL.Nodes;

namespace MonBureau.Host.GraphQL.Fields;

internal static class NodeFields
{
    /// <summary>One page's worth, like every connection's maximum.</summary>
    private const int MaxNodes = 100;

    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NodeInterface>("node")
            .Description("Any record by its id alone (Relay's global object identification), read under the same rule as the query that shows it and recorded the same way; NOT_FOUND when unknown or not yours to see.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The record's id.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                return await NodeKinds.ReadAsync(ctx, session, ctx.GetArgument<Guid>("id"));
            });
        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description($"Several records by id at once (Relay's nodes), in the order of the ids: null in place of an id unknown or not yours to see, each read under its kind's rule and recorded the same way. At most {MaxNodes} ids.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "The records' ids.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                var ids = ctx.GetArgument<List<Guid>>("ids");
                if (ids.Count > MaxNodes)
                    throw BusinessRuleException.Invalid($"At most {MaxNodes} ids at once.");
                await using var session = ctx.OpenQuerySession();
                return await NodeKinds.ReadManyAsync(ctx, session, ids);
            });
    }
}
