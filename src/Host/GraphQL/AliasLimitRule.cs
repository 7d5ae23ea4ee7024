using GraphQL.Validation;
using GraphQLParser.AST;

namespace MonBureau.Host.GraphQL;

/// <summary>Refuses documents with more aliased fields than allowed (alias amplification).</summary>
public sealed class AliasLimitRule(int maxAliases) : ValidationRuleBase
{
    public const string Code = "TOO_MANY_ALIASES";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var aliases = 0;
        return new(new MatchingNodeVisitor<GraphQLField>((field, ctx) =>
        {
            if (field.Alias is not null && ++aliases == maxAliases + 1)
                ctx.ReportError(new ValidationError(ctx.Document.Source, null, $"At most {maxAliases} aliased fields per request.", field) { Code = Code });
        }));
    }
}
