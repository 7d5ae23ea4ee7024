using GraphQL;
using GraphQL.Types;
using MonBureau.Host.GraphQL.Nodes;

namespace MonBureau.Host.GraphQL.Fields;

internal static class NodeFields
{
    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NodeInterface>("node")
            .Description("Any record by its id alone (Relay's global object identification), read under the same rule as the query that shows it and recorded the same way; NOT_FOUND when unknown or not yours to see.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The record's id.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                return await NodeKinds.ReadAsync(ctx, session, ctx.GetArgument<Guid>("id"));
            });
}
