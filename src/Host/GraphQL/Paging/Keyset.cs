using System.Linq.Expressions;

namespace MonBureau.Host.GraphQL.Paging;

/// <summary>
/// The sort order of a list read from the database, and with it the keyset cursor: a page after an item asks for
/// the rows that sort after that item's keys (and then id), so page 2 never reads page 1 again.
/// </summary>
public sealed class Keyset<T>
{
    private readonly List<(LambdaExpression Key, bool Descending)> keys = [];

    public Keyset<T> Ascending<TKey>(Expression<Func<T, TKey>> key) => Add(key, descending: false);

    public Keyset<T> Descending<TKey>(Expression<Func<T, TKey>> key) => Add(key, descending: true);

    private Keyset<T> Add(LambdaExpression key, bool descending)
    {
        if (Nullable.GetUnderlyingType(key.ReturnType) is not null)
            throw new ArgumentException("A keyset key cannot be nullable: SQL comparisons with null match nothing.", nameof(key));
        keys.Add((key, descending));
        return this;
    }

    /// <summary>The declared keys, then the document's id in the direction of the last key, so that the order is total.</summary>
    private List<(LambdaExpression Key, bool Descending)> Total()
    {
        var id = typeof(T).GetProperty("Id") ?? throw new InvalidOperationException($"{typeof(T).Name} has no Id to break ties.");
        var item = Expression.Parameter(typeof(T), "x");
        return [.. keys, (Expression.Lambda(Expression.Property(item, id), item), keys.Count > 0 && keys[^1].Descending)];
    }

    internal IQueryable<T> Apply(IQueryable<T> query, string? after)
    {
        var total = Total();
        if (after is not null)
            query = query.Where(After(total, Cursor.Decode(after, Cursor.Keyset, [.. total.Select(k => k.Key.ReturnType)])));
        for (var i = 0; i < total.Count; i++)
        {
            var method = (i == 0 ? "OrderBy" : "ThenBy") + (total[i].Descending ? "Descending" : "");
            query = query.Provider.CreateQuery<T>(Expression.Call(
                typeof(Queryable), method, [typeof(T), total[i].Key.ReturnType], query.Expression, Expression.Quote(total[i].Key)));
        }

        return query;
    }

    internal Func<T, string> CursorOf()
    {
        var readers = Total().Select(k => Expression.Lambda<Func<T, object?>>(Expression.Convert(k.Key.Body, typeof(object)), k.Key.Parameters).Compile()).ToList();
        return item => Cursor.Encode(Cursor.Keyset, readers.Select(read => read(item)));
    }

    /// <summary>(k1 after v1) or (k1 = v1 and k2 after v2) or … : the rows sorting after the cursor's item.</summary>
    private static Expression<Func<T, bool>> After(List<(LambdaExpression Key, bool Descending)> total, object[] values)
    {
        var item = Expression.Parameter(typeof(T), "x");
        Expression? any = null;
        Expression equalSoFar = Expression.Constant(true);
        for (var i = 0; i < total.Count; i++)
        {
            var key = new Rebind(total[i].Key.Parameters[0], item).Visit(total[i].Key.Body);
            var value = Expression.Constant(values[i], key.Type);
            var after = Comes(key, value, total[i].Descending);
            var clause = i == 0 ? after : Expression.AndAlso(equalSoFar, after);
            any = any is null ? clause : Expression.OrElse(any, clause);
            equalSoFar = i == 0 ? Expression.Equal(key, value) : Expression.AndAlso(equalSoFar, Expression.Equal(key, value));
        }

        return Expression.Lambda<Func<T, bool>>(any!, item);
    }

    /// <summary>Strings and ids have no C# comparison operators; Marten translates their CompareTo(…) against 0.</summary>
    private static BinaryExpression Comes(Expression key, Expression value, bool descending)
    {
        var type = descending ? ExpressionType.LessThan : ExpressionType.GreaterThan;
        return key.Type == typeof(string) || key.Type == typeof(Guid)
            ? Expression.MakeBinary(type, Expression.Call(key, key.Type.GetMethod("CompareTo", [key.Type])!, value), Expression.Constant(0))
            : Expression.MakeBinary(type, key, value);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
