using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using MonBureau.Domain.Common;

namespace MonBureau.Host.GraphQL;

/// <summary>
/// Refuses text PostgreSQL cannot store (a NUL character, half of a surrogate pair), in the document's literals and
/// in variables, so such input is a VALIDATION error before any resolver runs instead of a failed write.
/// </summary>
public sealed class StorableTextRule : ValidationRuleBase
{
    private const string Message = "Text may not contain NUL characters or broken unicode (unpaired surrogates).";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new MatchingNodeVisitor<GraphQLStringValue>((value, ctx) =>
        {
            if (!IsStorable(value.Value.Span))
                ctx.ReportError(new ValidationError(ctx.Document.Source, null, Message, value) { Code = ErrorCodes.Validation });
        }));

    public override ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) => new(Variables.Instance);

    public static bool IsStorable(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0' || char.IsLowSurrogate(c))
                return false;
            if (char.IsHighSurrogate(c) && (++i >= text.Length || !char.IsLowSurrogate(text[i])))
                return false;
        }

        return true;
    }

    private sealed class Variables : BaseVariableVisitor
    {
        public static readonly Variables Instance = new();

        public override ValueTask VisitScalarAsync(ValidationContext context, GraphQLVariableDefinition variable, VariableName variableName, ScalarGraphType type, object? variableValue, object? parsedValue)
        {
            if (variableValue is string text && !IsStorable(text))
                context.ReportError(new ValidationError(context.Document.Source, null, $"{Message} (variable {variableName})", variable) { Code = ErrorCodes.Validation });
            return default;
        }
    }
}
