using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MonBureau.Host.Tests.Fuzzing;

/// <summary>One generated request: a document, its variables, and whether the JSON body itself was mangled.</summary>
public sealed record FuzzOperation(string Query, JsonObject Variables)
{
    public string Body(Random random)
    {
        var body = new JsonObject { ["query"] = Query, ["variables"] = Variables.DeepClone() }.ToJsonString(Json);
        return random.NextDouble() < 0.04 ? MangleText(random, body) : body;
    }

    /// <summary>The variables as JSON, however deep the fuzzer nested them.</summary>
    public string VariablesJson => Variables.ToJsonString(Json);

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 1_000 };

    /// <summary>Cuts, repeats or corrupts a span of text: what a broken client or an attacker sends.</summary>
    public static string MangleText(Random random, string text)
    {
        if (text.Length == 0)
            return "{";
        var at = random.Next(text.Length);
        var span = random.Next(1, Math.Min(40, text.Length - at) + 1);
        return random.Next(6) switch
        {
            0 => text[..at],
            1 => text.Remove(at, span),
            2 => text.Insert(at, text.Substring(at, span)),
            3 => text.Insert(at, HostileValues.Strings[random.Next(HostileValues.Strings.Length)]),
            4 => text.Insert(at, new string('{', 300) + new string('}', 300)),
            _ => text.Insert(at, ((char)random.Next(0, 0x10000)).ToString()),
        };
    }
}

/// <summary>
/// Generates operations from the live schema: real root fields with arguments that are sometimes right, often wrong
/// (types, sizes, ids of other people or of nothing, unicode edge cases, injections), and selections of the real
/// result types.
/// </summary>
public sealed class OperationGenerator(LiveSchema schema)
{
    private const int MaxSelectionDepth = 3;
    private static readonly DateTimeOffset Around = Infrastructure.AppFactory.Start;

    public FuzzOperation Next(Random random, IReadOnlyList<string> knownIds)
    {
        var root = random.Next(2) == 0 ? schema.Query : schema.Mutation;
        var field = root.Fields[random.Next(root.Fields.Count)];
        var variables = new JsonObject();
        var declarations = new List<string>();
        var arguments = new List<string>();
        foreach (var argument in field.Arguments)
        {
            if (!argument.Type.IsNonNull && random.Next(3) == 0)
                continue;
            if (argument.Type.IsNonNull && random.NextDouble() < 0.03)
                continue; // a required argument left out
            var value = ValueFor(random, argument.Type, knownIds, 0);
            if (random.NextDouble() < 0.7)
            {
                var name = $"v{declarations.Count}";
                var declared = random.NextDouble() < 0.05 ? WrongTypeName(random) : argument.Type.ToString();
                declarations.Add($"${name}: {declared}");
                variables[name] = value;
                arguments.Add($"{argument.Name}: ${name}");
            }
            else
            {
                arguments.Add($"{argument.Name}: {Literal(value, argument.Type)}");
            }
        }

        if (random.NextDouble() < 0.03)
            arguments.Add("notAnArgument: 1");
        var keyword = root == schema.Query ? "query" : "mutation";
        var header = declarations.Count > 0 ? $"{keyword} Fuzz({string.Join(", ", declarations)})" : keyword;
        var call = arguments.Count > 0 ? $"{field.Name}({string.Join(", ", arguments)})" : field.Name;
        var query = $"{header} {{ {call}{Selection(random, field.Type, 0)} }}";
        if (random.NextDouble() < 0.08)
            query = FuzzOperation.MangleText(random, query);
        return new FuzzOperation(query, variables);
    }

    private static string WrongTypeName(Random random) => new[] { "Int", "String!", "[ID]", "Boolean", "NoSuchType", "DateTimeOffset" }[random.Next(6)];

    private JsonNode? ValueFor(Random random, TypeRef type, IReadOnlyList<string> knownIds, int depth)
    {
        var roll = random.NextDouble();
        if (roll < 0.04)
            return Anything(random, knownIds);
        if (roll < 0.05)
            return HostileValues.Deep(random.Next(20, 400));
        switch (type.Kind)
        {
            case "NON_NULL":
                return random.NextDouble() < 0.03 ? null : ValueFor(random, type.OfType!, knownIds, depth);
            case "LIST":
                var count = random.NextDouble() < 0.03 ? random.Next(100, 2_000) : random.Next(0, 4);
                return new JsonArray([.. Enumerable.Range(0, count).Select(_ => ValueFor(random, type.OfType!, knownIds, depth + 1))]);
        }

        var named = schema.Type(type.Name!);
        return named.Kind switch
        {
            "ENUM" => random.NextDouble() < 0.9 ? named.EnumValues[random.Next(named.EnumValues.Count)] : "NOT_A_VALUE",
            "INPUT_OBJECT" => InputObject(random, named, knownIds, depth),
            _ => Scalar(random, named.Name, knownIds),
        };
    }

    private JsonObject InputObject(Random random, NamedType type, IReadOnlyList<string> knownIds, int depth)
    {
        var value = new JsonObject();
        if (depth > 6)
            return value;
        foreach (var field in type.InputFields)
        {
            if (!field.Type.IsNonNull && random.Next(3) == 0)
                continue;
            value[field.Name] = ValueFor(random, field.Type, knownIds, depth + 1);
        }

        if (random.NextDouble() < 0.03)
            value["unknownField"] = "x";
        return value;
    }

    private static JsonNode? Scalar(Random random, string name, IReadOnlyList<string> knownIds)
    {
        if (random.NextDouble() < 0.3)
            return Anything(random, knownIds);
        var when = Around.AddMinutes(random.Next(-60 * 24 * 30, 60 * 24 * 400));
        return name switch
        {
            "ID" => knownIds.Count > 0 && random.NextDouble() < 0.8 ? knownIds[random.Next(knownIds.Count)] : Guid.NewGuid().ToString(),
            "String" => random.Next(3) == 0 ? $"Texte {random.Next(1000)} « é »" : HostileValues.Strings[random.Next(HostileValues.Strings.Length)],
            "Int" or "Long" => random.Next(3) == 0 ? random.Next(-5, 50) : HostileValues.Numbers[random.Next(HostileValues.Numbers.Length)]?.DeepClone(),
            "Float" or "Decimal" => random.Next(2) == 0 ? Math.Round(random.NextDouble() * 20, 2) : HostileValues.Numbers[random.Next(HostileValues.Numbers.Length)]?.DeepClone(),
            "Boolean" => random.Next(2) == 0,
            "DateTimeOffset" or "DateTime" => when.ToString("O", CultureInfo.InvariantCulture),
            "DateOnly" or "Date" => when.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "TimeOnly" => when.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            _ => Anything(random, knownIds),
        };
    }

    private static JsonNode? Anything(Random random, IReadOnlyList<string> knownIds) => random.Next(8) switch
    {
        0 => null,
        1 => HostileValues.Numbers[random.Next(HostileValues.Numbers.Length)]?.DeepClone(),
        2 => random.Next(2) == 0,
        3 => HostileValues.Huge(random),
        4 => new JsonObject { ["id"] = knownIds.Count > 0 ? knownIds[random.Next(knownIds.Count)] : "x" },
        5 => new JsonArray(1, "two", null),
        _ => HostileValues.Strings[random.Next(HostileValues.Strings.Length)],
    };

    /// <summary>A GraphQL literal for the value; enum names go bare when the argument is an enum.</summary>
    private string Literal(JsonNode? value, TypeRef type)
    {
        var named = type.Named;
        switch (value)
        {
            case null:
                return "null";
            case JsonArray array:
                var list = type.IsNonNull ? type.OfType! : type;
                return $"[{string.Join(", ", array.Select(v => Literal(v, list.Kind == "LIST" ? list.OfType! : list)))}]";
            case JsonObject obj:
                var fields = named.Name is { } n && schema.Type(n).InputFields is { Count: > 0 } inputs ? inputs : [];
                return "{" + string.Join(", ", obj.Select(p => $"{p.Key}: {Literal(p.Value, fields.FirstOrDefault(f => f.Name == p.Key)?.Type ?? named)}")) + "}";
            case JsonValue v when v.TryGetValue<string>(out var s):
                return named.Name is { } e && schema.Type(e).Kind == "ENUM" && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && s.Length > 0
                    ? s
                    : JsonSerializer.Serialize(s);
            default:
                return value.ToJsonString();
        }
    }

    private string Selection(Random random, TypeRef type, int depth)
    {
        var named = schema.Type(type.Named.Name!);
        if (named.Kind is "SCALAR" or "ENUM")
            return random.NextDouble() < 0.02 ? " { id }" : "";
        if (named.Kind == "UNION" || named.Fields.Count == 0)
            return " { __typename }";
        var chosen = new StringBuilder(" {");
        var candidates = named.Fields.Where(f => f.Arguments.All(a => !a.Type.IsNonNull)).OrderBy(_ => random.Next()).ToList();
        var picked = 0;
        foreach (var field in candidates)
        {
            var leaf = schema.Type(field.Type.Named.Name!).Kind is "SCALAR" or "ENUM";
            if (!leaf && depth >= MaxSelectionDepth)
                continue;
            if (!leaf && random.Next(3) != 0)
                continue;
            chosen.Append(' ').Append(field.Name).Append(leaf ? "" : Selection(random, field.Type, depth + 1));
            if (++picked >= 8)
                break;
        }

        if (picked == 0)
            chosen.Append(" __typename");
        return chosen.Append(" }").ToString();
    }
}
