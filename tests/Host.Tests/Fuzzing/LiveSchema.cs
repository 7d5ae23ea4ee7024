using System.Text.Json.Nodes;

namespace MonBureau.Host.Tests.Fuzzing;

/// <summary>A reference to a type as introspection gives it: NON_NULL and LIST wrap a named type.</summary>
public sealed record TypeRef(string Kind, string? Name, TypeRef? OfType)
{
    public TypeRef Named => OfType?.Named ?? this;

    public bool IsNonNull => Kind == "NON_NULL";

    /// <summary>The type as written in a variable declaration, e.g. <c>[ID!]!</c>.</summary>
    public override string ToString() => Kind switch
    {
        "NON_NULL" => $"{OfType}!",
        "LIST" => $"[{OfType}]",
        _ => Name!,
    };

    public static TypeRef From(JsonNode node) =>
        new(node["kind"]!.GetValue<string>(), node["name"]?.GetValue<string>(), node["ofType"] is { } inner ? From(inner) : null);
}

public sealed record Argument(string Name, TypeRef Type);

public sealed record Field(string Name, IReadOnlyList<Argument> Arguments, TypeRef Type);

public sealed record NamedType(string Kind, string Name, IReadOnlyList<Field> Fields, IReadOnlyList<Argument> InputFields, IReadOnlyList<string> EnumValues);

/// <summary>The schema as the running host describes it (introspection), so the fuzzer follows every change to it.</summary>
public sealed class LiveSchema(IReadOnlyDictionary<string, NamedType> types, string query, string mutation)
{
    public const string IntrospectionQuery = """
        query {
          __schema {
            queryType { name } mutationType { name }
            types {
              kind name enumValues { name }
              fields { name type { ...T } args { name type { ...T } } }
              inputFields { name type { ...T } }
            }
          }
        }
        fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
        """;

    public NamedType Type(string name) => types[name];

    public NamedType Query => types[query];

    public NamedType Mutation => types[mutation];

    public static LiveSchema From(JsonNode data)
    {
        var schema = data["__schema"]!;
        static IReadOnlyList<Argument> Arguments(JsonNode? list) =>
            list is JsonArray a ? [.. a.Select(x => new Argument(x!["name"]!.GetValue<string>(), TypeRef.From(x["type"]!)))] : [];
        var types = schema["types"]!.AsArray().Select(t => new NamedType(
            t!["kind"]!.GetValue<string>(),
            t["name"]!.GetValue<string>(),
            t["fields"] is JsonArray fields
                ? [.. fields.Select(f => new Field(f!["name"]!.GetValue<string>(), Arguments(f["args"]), TypeRef.From(f["type"]!)))]
                : [],
            Arguments(t["inputFields"]),
            t["enumValues"] is JsonArray values ? [.. values.Select(v => v!["name"]!.GetValue<string>())] : []));
        return new LiveSchema(
            types.ToDictionary(t => t.Name),
            schema["queryType"]!["name"]!.GetValue<string>(),
            schema["mutationType"]!["name"]!.GetValue<string>());
    }
}
