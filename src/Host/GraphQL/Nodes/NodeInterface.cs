using GraphQL.Types;

namespace MonBureau.Host.GraphQL.Nodes;

/// <summary>Relay's global object identification: any record the API can fetch again by its id alone (ADR 0027).</summary>
public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "A record that can be fetched again by its id alone with node(id:). Ids are UUIDs, unique across every kind of record.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Stable identifier, unique across the whole API.");
    }
}

internal static class NodeTypeExtensions
{
    /// <summary>Declares the type a Node; node(id:) finds it through <see cref="NodeKinds"/>.</summary>
    public static void ImplementsNode<TSource>(this ObjectGraphType<TSource> type)
    {
        type.Interface<NodeInterface>();
        type.IsTypeOf = value => value is TSource;
    }
}
