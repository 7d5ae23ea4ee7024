using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using MonBureau.Domain.Common;

namespace MonBureau.Host.GraphQL.Payloads;

/// <summary>
/// Gives every mutation a payload type when the schema is built (ADR 0027): <c>createClass: SchoolClass!</c> becomes
/// <c>createClass: CreateClassPayload!</c> with <c>schoolClass</c> and <c>userErrors</c>. Fields are declared in the plain
/// style (return the record, throw to refuse); refusals a user can act on come back in <c>userErrors</c>, the others
/// (sign-in, profile, outage, internal) stay top-level errors. The command ran in its own transaction, so a refusal
/// has written nothing either way.
/// </summary>
internal static class MutationPayloads
{
    // Where the generic name (from the result's type) reads poorly.
    private static readonly Dictionary<string, string> ResultNames = new(StringComparer.Ordinal)
    {
        ["forgetDataSubject"] = "forgottenAt",
        ["markNotificationsRead"] = "markedCount",
        ["startSecondFactorEnrollment"] = "otpauthUri",
    };

    private static readonly Dictionary<string, string> ScalarNames = new(StringComparer.Ordinal)
    {
        ["Boolean"] = "done",
        ["Int"] = "count",
        ["DateTimeOffset"] = "at",
        ["String"] = "value",
        ["ID"] = "id",
    };

    public static void Apply(IComplexGraphType mutation, IServiceProvider services)
    {
        foreach (var field in mutation.Fields)
        {
            var (resultType, resultResolvedType, typeName, isList) = Result(field, services);
            var resultName = ResultNames.GetValueOrDefault(field.Name)
                ?? (isList ? Plural(Camel(typeName)) : ScalarNames.GetValueOrDefault(typeName) ?? Camel(typeName));

            var payload = new ObjectGraphType
            {
                Name = char.ToUpperInvariant(field.Name[0]) + field.Name[1..] + "Payload",
                Description = $"What {field.Name} returns: {resultName}, or userErrors saying why the change was refused (then nothing was changed).",
            };
            payload.AddField(new FieldType
            {
                Name = resultName,
                Description = $"The result of {field.Name} (see Mutation.{field.Name}); null when userErrors is not empty.",
                Type = resultType,
                ResolvedType = resultResolvedType,
                Resolver = new FuncFieldResolver<MutationPayload, object?>(ctx => ctx.Source.Result),
            });
            payload.AddField(new FieldType
            {
                Name = "userErrors",
                Description = "Why the change was refused (invalid input, not found, conflict, a business rule); empty when it was done.",
                Type = typeof(NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>),
                Resolver = new FuncFieldResolver<MutationPayload, IReadOnlyList<UserError>>(ctx => ctx.Source.UserErrors),
            });

            field.Type = null;
            field.ResolvedType = new NonNullGraphType(payload);
            field.Resolver = new PayloadResolver(field.Resolver ?? throw new InvalidOperationException($"Mutation {field.Name} has no resolver."));
        }
    }

    /// <summary>The declared result, made nullable (it is null when refused), with the name of its named type.</summary>
    private static (Type? Type, IGraphType? Resolved, string Name, bool IsList) Result(FieldType field, IServiceProvider services)
    {
        if (field.ResolvedType is { } resolved)
        {
            var nullable = resolved is NonNullGraphType nonNull ? nonNull.ResolvedType! : resolved;
            var named = nullable;
            while (named is IProvideResolvedType wrapper)
                named = wrapper.ResolvedType!;
            return (null, nullable, named.Name, nullable is ListGraphType);
        }

        var type = field.Type ?? throw new InvalidOperationException($"Mutation {field.Name} declares no type.");
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(NonNullGraphType<>))
            type = type.GetGenericArguments()[0];
        var namedType = type;
        while (namedType.IsGenericType && (namedType.GetGenericTypeDefinition() == typeof(NonNullGraphType<>) || namedType.GetGenericTypeDefinition() == typeof(ListGraphType<>)))
            namedType = namedType.GetGenericArguments()[0];
        var instance = (IGraphType)(services.GetService(namedType) ?? ActivatorUtilities.CreateInstance(services, namedType));
        return (type, null, instance.Name, type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ListGraphType<>));
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string Plural(string name) =>
        name.EndsWith('s') || name.EndsWith('x') || name.EndsWith("ch", StringComparison.Ordinal) || name.EndsWith("sh", StringComparison.Ordinal) ? name + "es"
        : name.EndsWith('y') && name.Length > 1 && !"aeiou".Contains(name[^2], StringComparison.Ordinal) ? name[..^1] + "ies"
        : name + "s";

    /// <summary>Runs the declared resolver; a refusal the user can act on becomes the payload's user error.</summary>
    private sealed class PayloadResolver(IFieldResolver declared) : IFieldResolver
    {
        public async ValueTask<object?> ResolveAsync(IResolveFieldContext context)
        {
            try
            {
                return new MutationPayload(await declared.ResolveAsync(context), []);
            }
            catch (Exception exception) when (ErrorTranslation.Known(exception) is { Code: { } code } error && !UserErrorCodeType.TopLevel.Contains(code) && UserErrorCodeType.Codes.Contains(code))
            {
                return new MutationPayload(null, [new UserError(code, error.Message, FieldPath(context, (exception as BusinessRuleException)?.Field),
                    Extension<DateTimeOffset>(error, "retryAfter"), Extension<long>(error, "currentVersion"))]);
            }
        }

        private static T? Extension<T>(ExecutionError error, string key) where T : struct =>
            error.Extensions?.GetValueOrDefault(key) is T value ? value : null;

        /// <summary>The rule names a command property; point at the input field (or argument) of that name.</summary>
        private static string[]? FieldPath(IResolveFieldContext context, string? property)
        {
            if (string.IsNullOrEmpty(property))
                return null;
            var name = Camel(property);
            var arguments = context.FieldDefinition.Arguments;
            var input = arguments?.Find("input")?.ResolvedType;
            if ((input is NonNullGraphType wrapped ? wrapped.ResolvedType : input) is IInputObjectGraphType inputType && inputType.HasField(name))
                return ["input", name];
            return arguments?.Find(name) is null ? null : [name];
        }
    }
}
