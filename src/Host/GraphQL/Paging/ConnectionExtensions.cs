using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Marten;

namespace MonBureau.Host.GraphQL.Paging;

/// <summary>How a field becomes a connection: declare it with <c>Connection</c>, resolve it with <c>ToConnectionAsync</c> or <c>ToConnection</c>.</summary>
public static class ConnectionExtensions
{
    /// <summary>A root field returning a page of <typeparamref name="TNode"/> (shown as <typeparamref name="TNodeType"/>), with <c>first</c> and <c>after</c>.</summary>
    public static FieldBuilder<object?, Connection<TNode>> Connection<TNodeType, TNode>(
        this ObjectGraphType type, string name, int defaultSize = PageRequest.DefaultSize, int maxSize = PageRequest.MaxSize)
        where TNodeType : IGraphType
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Field<NonNullGraphType<ConnectionType<TNodeType, TNode>>, Connection<TNode>>(name)
            .Argument<IntGraphType>("first", $"How many items to return, 1 to {maxSize} (default {defaultSize}).")
            .Argument<StringGraphType>("after", "Return the items after this cursor: the endCursor of the previous page.")
            .WithMetadata(PageRequest.LimitsKey, new PageLimits(defaultSize, maxSize));
    }

    /// <summary>The same on a record's field, e.g. a folder's files: a page of what the record holds.</summary>
    public static FieldBuilder<TSource, Connection<TNode>> Connection<TNodeType, TNode, TSource>(
        this ObjectGraphType<TSource> type, string name, int defaultSize = PageRequest.DefaultSize, int maxSize = PageRequest.MaxSize)
        where TNodeType : IGraphType
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Field<NonNullGraphType<ConnectionType<TNodeType, TNode>>, Connection<TNode>>(name)
            .Argument<IntGraphType>("first", $"How many items to return, 1 to {maxSize} (default {defaultSize}).")
            .Argument<StringGraphType>("after", "Return the items after this cursor: the endCursor of the previous page.")
            .WithMetadata(PageRequest.LimitsKey, new PageLimits(defaultSize, maxSize));
    }

    /// <summary>
    /// One page of a database query, ordered by the keyset (sort keys, then id) and read after the cursor's keys
    /// in SQL: the query must filter but not order.
    /// </summary>
    public static async Task<Connection<T>> ToConnectionAsync<T>(this IQueryable<T> query, IResolveFieldContext ctx, Func<Keyset<T>, Keyset<T>> order)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(order);
        var page = PageRequest.From(ctx);
        var keyset = order(new Keyset<T>());
        var items = await keyset.Apply(query, page.After).Take(page.First + 1).ToListAsync(ctx.CancellationToken);
        return Paging.Connection.Of(items, page, keyset.CursorOf());
    }

    /// <summary>
    /// One page of a list already read whole and bounded (by the domain or by a cap): the cursor is a position.
    /// Only for lists that are filtered or built in memory; a plain query pages with <see cref="ToConnectionAsync"/>.
    /// </summary>
    public static Connection<T> ToConnection<T>(this IReadOnlyList<T> items, IResolveFieldContext ctx)
    {
        ArgumentNullException.ThrowIfNull(items);
        var page = PageRequest.From(ctx);
        var start = page.After is null ? 0 : (int)Cursor.Decode(page.After, Cursor.Position, [typeof(int)])[0] + 1;
        if (start < 0)
            throw Cursor.NotACursor();
        var positions = Enumerable.Range(start, Math.Max(0, Math.Min(page.First + 1, items.Count - start))).ToList();
        return Paging.Connection.Of(positions, page, i => Cursor.Encode(Cursor.Position, [i])).Select(i => items[i]);
    }
}
