using GraphQLParser;
using GraphQLParser.AST;

namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>
/// What a front-end built against one schema would lose in another: a type, field, argument, input field or enum
/// value removed or retyped, a required argument or input field added. Additions are not breaking.
/// </summary>
public static class SchemaCompatibility
{
    public static IReadOnlyList<string> BreakingChanges(string released, string current)
    {
        var before = Shape(released);
        var after = Shape(current);
        var changes = new List<string>();
        foreach (var (place, type) in before)
        {
            if (!after.TryGetValue(place, out var now))
                changes.Add($"{place}: removed");
            else if (now != type)
                changes.Add($"{place}: {type} became {now}");
        }

        changes.AddRange(after
            .Where(p => !before.ContainsKey(p.Key) && p.Value.StartsWith(Required, StringComparison.Ordinal) && before.ContainsKey(Owner(p.Key)))
            .Select(p => $"{p.Key}: added as required"));
        return changes;
    }

    private const string Required = "required ";

    // A required argument of a new field, or input field of a new input type, breaks no existing client.
    private static string Owner(string place) =>
        place.Contains('(', StringComparison.Ordinal) ? place[..place.IndexOf('(', StringComparison.Ordinal)] : place[..place.LastIndexOf('.')];

    /// <summary>Every place a client can depend on, with what it is: "Type", "Type.field", "Type.field(arg)", "Enum.VALUE".</summary>
    private static Dictionary<string, string> Shape(string sdl)
    {
        var shape = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var definition in Parser.Parse(sdl).Definitions.OfType<GraphQLTypeDefinition>())
        {
            var name = definition.Name.StringValue;
            shape[name] = definition.Kind.ToString();
            switch (definition)
            {
                case IHasFieldsDefinitionNode { Fields: { } fields }:
                    foreach (var field in fields.Items)
                    {
                        shape[$"{name}.{field.Name.StringValue}"] = Print(field.Type);
                        foreach (var argument in field.Arguments?.Items ?? [])
                            shape[$"{name}.{field.Name.StringValue}({argument.Name.StringValue})"] = Input(argument);
                    }
                    break;
                case GraphQLInputObjectTypeDefinition { Fields: { } inputs }:
                    foreach (var input in inputs.Items)
                        shape[$"{name}.{input.Name.StringValue}"] = Input(input);
                    break;
                case GraphQLEnumTypeDefinition { Values: { } values }:
                    foreach (var value in values.Items)
                        shape[$"{name}.{value.Name.StringValue}"] = "enum value";
                    break;
                case GraphQLUnionTypeDefinition { Types: { } members }:
                    foreach (var member in members.Items)
                        shape[$"{name}|{member.Name.StringValue}"] = "member";
                    break;
            }
        }

        return shape;
    }

    // A client omits what is optional: an input that is non-null without a default is one it must now send.
    private static string Input(GraphQLInputValueDefinition input) =>
        (input.Type is GraphQLNonNullType && input.DefaultValue is null ? Required : "") + Print(input.Type);

    private static string Print(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => Print(nonNull.Type) + "!",
        GraphQLListType list => $"[{Print(list.Type)}]",
        GraphQLNamedType named => named.Name.StringValue,
        _ => type.Kind.ToString(),
    };
}
