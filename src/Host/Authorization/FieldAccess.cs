using GraphQL;
using GraphQL.Types;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;

namespace MonBureau.Host.Authorization;

public enum FieldAccessDecision
{
    Allowed,
    SignInRequired,
    ProfileNotAllowed,
    NoPolicyDeclared,
}

/// <summary>
/// The profile-level half of the policy, for every field: what the field declares (AllowAnonymous, Authorize,
/// AuthorizeWithRoles) against who acts. A root field that declares nothing is denied to everyone, so a new field
/// cannot ship open by mistake. The relationship half (my child, my class) is <see cref="RelationshipPolicy"/>.
/// </summary>
public static class FieldAccess
{
    public static FieldAccessDecision Decide(IFieldType field, bool isRootField, Actor? actor)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field.IsAnonymousAllowed())
            return FieldAccessDecision.Allowed;
        if (!field.IsAuthorizationRequired())
            return isRootField ? FieldAccessDecision.NoPolicyDeclared : FieldAccessDecision.Allowed;
        if (actor is null)
            return FieldAccessDecision.SignInRequired;
        var roles = field.GetRoles();
        return roles is { Count: > 0 } && !roles.Contains(actor.Role.ToString()) ? FieldAccessDecision.ProfileNotAllowed : FieldAccessDecision.Allowed;
    }

    public static ExecutionError ErrorFor(FieldAccessDecision decision) => decision switch
    {
        FieldAccessDecision.SignInRequired => Denial("Sign in to use this field.", ErrorCodes.Unauthenticated),
        _ => Denial("You are not allowed to do this.", ErrorCodes.Forbidden),
    };

    // Marks a denial by profile, as opposed to one about a particular record: the generated authorization matrix reads it.
    private static ExecutionError Denial(string message, string code) =>
        new(message) { Code = code, Extensions = new Dictionary<string, object?> { ["policy"] = "profile" } };
}
