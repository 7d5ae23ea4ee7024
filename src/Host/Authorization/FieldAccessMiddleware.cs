using GraphQL;
using GraphQL.Instrumentation;
using MonBureau.Application.Auditing;

namespace MonBureau.Host.Authorization;

/// <summary>Every field resolves through here: denied fields never run, and each denial is recorded.</summary>
public sealed class FieldAccessMiddleware(DeniedAccessLog denials) : IFieldMiddleware
{
    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var isRoot = context.ParentType == context.Schema.Query || context.ParentType == context.Schema.Mutation
            || context.ParentType == context.Schema.Subscription;
        var decision = FieldAccess.Decide(context.FieldDefinition, isRoot, ActingContext.Current);
        if (decision == FieldAccessDecision.Allowed)
            return await next(context);

        await denials.RecordAsync(ActingContext.Current, $"{context.ParentType.Name}.{context.FieldDefinition.Name}", null, decision.ToString());
        throw FieldAccess.ErrorFor(decision);
    }
}
