namespace MonBureau.Host.GraphQL.Paging;

/// <summary>One page of a list, Relay style: its items with their cursors, and where it stands in the whole list.</summary>
public sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, PageInfo PageInfo)
{
    public IEnumerable<T> Nodes => Edges.Select(e => e.Node);

    /// <summary>The same page with each item turned into what the API shows; cursors stay those of the source items.</summary>
    public Connection<TView> Select<TView>(Func<T, TView> view) =>
        new([.. Edges.Select(e => new Edge<TView>(e.Cursor, view(e.Node)))], PageInfo);
}

/// <summary>Builds pages.</summary>
public static class Connection
{
    /// <summary>Cuts a page from items read one beyond the page size: the extra one only says that more follow.</summary>
    public static Connection<T> Of<T>(IReadOnlyList<T> itemsAndOneMore, PageRequest page, Func<T, string> cursorOf)
    {
        ArgumentNullException.ThrowIfNull(itemsAndOneMore);
        ArgumentNullException.ThrowIfNull(page);
        return Of([.. itemsAndOneMore.Take(page.First)], itemsAndOneMore.Count > page.First, page, cursorOf);
    }

    /// <summary>A page of these items, when the source already knows whether more follow.</summary>
    public static Connection<T> Of<T>(IReadOnlyList<T> items, bool hasNextPage, PageRequest page, Func<T, string> cursorOf)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(page);
        var edges = items.Select(item => new Edge<T>(cursorOf(item), item)).ToList();
        return new Connection<T>(edges, new PageInfo(hasNextPage, page.After is not null, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor));
    }
}

/// <summary>An item of a page and the cursor to continue after it.</summary>
public sealed record Edge<T>(string Cursor, T Node);

/// <summary>Where a page stands: whether items follow or precede it, and the cursors of its ends.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
