using GraphQL;
using MonBureau.Domain.Common;

namespace MonBureau.Host.GraphQL.Paging;

/// <summary>The page a client asked for: at most <see cref="First"/> items after the item of the cursor <see cref="After"/>.</summary>
public sealed record PageRequest(int First, string? After)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    internal const string LimitsKey = "MonBureau.PageLimits";

    /// <summary>The <c>first</c>/<c>after</c> arguments of the field being resolved, checked against its limits.</summary>
    public static PageRequest From(IResolveFieldContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var limits = ctx.FieldDefinition.GetMetadata<PageLimits>(LimitsKey)
            ?? throw new InvalidOperationException($"{ctx.FieldDefinition.Name} is not declared with .Connection<,>().");
        var first = ctx.GetArgument("first", limits.DefaultSize);
        if (first < 1 || first > limits.MaxSize)
            throw BusinessRuleException.Invalid($"first must be between 1 and {limits.MaxSize}.");
        return new PageRequest(first, ctx.GetArgument<string?>("after"));
    }
}

/// <summary>A connection field's page sizes: the one given when <c>first</c> is omitted, and the largest allowed.</summary>
public sealed record PageLimits(int DefaultSize, int MaxSize);
