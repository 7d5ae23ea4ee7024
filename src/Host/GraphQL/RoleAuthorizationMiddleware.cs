using GraphQL;
using GraphQL.Instrumentation;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;

namespace MonBureau.Host.GraphQL;

/// <summary>
/// Enforces the roles each field declares with AuthorizeWithRoles before it resolves. GraphQL.NET only records that
/// metadata; this is where it bites. Finer, relationship-based checks (my child, my class) happen in the resolvers.
/// </summary>
public sealed class RoleAuthorizationMiddleware : IFieldMiddleware
{
    public ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var field = context.FieldDefinition;
        if (field.IsAuthorizationRequired())
        {
            var actor = ActingContext.Current
                ?? throw new ExecutionError("Sign in to use this field.") { Code = ErrorCodes.Unauthenticated };
            var roles = field.GetRoles();
            if (roles is { Count: > 0 } && !roles.Contains(actor.Role.ToString()))
                throw new ExecutionError("You are not allowed to do this.") { Code = ErrorCodes.Forbidden };
        }

        return next(context);
    }
}
