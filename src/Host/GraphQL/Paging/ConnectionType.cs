using GraphQL;
using GraphQL.Types;

namespace MonBureau.Host.GraphQL.Paging;

/// <summary>The <c>XConnection</c> type of every paged list of X (Relay cursor connections).</summary>
public sealed class ConnectionType<TNodeType, TNode> : ObjectGraphType<Connection<TNode>>
    where TNodeType : IGraphType
{
    public ConnectionType()
    {
        var node = typeof(TNodeType).GraphQLName();
        Name = $"{node}Connection";
        Description = $"A page of a list of {node}, Relay style: pass pageInfo.endCursor as `after` to get the next one.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeType<TNodeType, TNode>>>>, IReadOnlyList<Edge<TNode>>>("edges")
            .Description("The items of this page in order, each with its cursor.")
            .Resolve(ctx => ctx.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>, IEnumerable<TNode>>("nodes")
            .Description("The items of this page in order, without cursors.")
            .Resolve(ctx => ctx.Source.Nodes);
        Field<NonNullGraphType<PageInfoType>, PageInfo>("pageInfo")
            .Description("Whether more items follow or precede, and the cursors of this page's ends.")
            .Resolve(ctx => ctx.Source.PageInfo);
    }
}

/// <summary>The <c>XEdge</c> type: one item of a page and its cursor.</summary>
public sealed class EdgeType<TNodeType, TNode> : ObjectGraphType<Edge<TNode>>
    where TNodeType : IGraphType
{
    public EdgeType()
    {
        var node = typeof(TNodeType).GraphQLName();
        Name = $"{node}Edge";
        Description = $"One {node} of a page and the cursor that points at it.";
        Field<NonNullGraphType<StringGraphType>, string>("cursor")
            .Description("Opaque: pass it as `after` to get the items that follow this one.")
            .Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<TNodeType>, TNode>("node")
            .Description("The item.")
            .Resolve(ctx => ctx.Source.Node);
    }
}

/// <summary>The Relay <c>PageInfo</c> type shared by every connection.</summary>
public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Where a page stands in its list (Relay cursor connections).";
        Field(x => x.HasNextPage).Description("True when more items follow this page.");
        Field(x => x.HasPreviousPage).Description("True when this page was asked for after a cursor, so items precede it.");
        Field(x => x.StartCursor, nullable: true).Description("Cursor of the first item of this page; null when the page is empty.");
        Field(x => x.EndCursor, nullable: true).Description("Cursor of the last item of this page, to pass as `after`; null when the page is empty.");
    }
}
