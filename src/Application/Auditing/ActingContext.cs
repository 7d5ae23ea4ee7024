using MonBureau.Domain.Common;

namespace MonBureau.Application.Auditing;

/// <summary>
/// The actor and correlation of the current unit of work (one GraphQL request or one job). It flows with the
/// async call chain into Wolverine handlers invoked in-process, and the audit envelope reads it at save time.
/// </summary>
public static class ActingContext
{
    private static readonly AsyncLocal<Scope?> CurrentScope = new();

    public static Actor? Current => CurrentScope.Value?.Actor;

    public static string? CorrelationId => CurrentScope.Value?.CorrelationId;

    public static string? CausationId => CurrentScope.Value?.CausationId;

    public static IDisposable Begin(Actor actor, string correlationId, string? causationId = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(correlationId);
        var previous = CurrentScope.Value;
        CurrentScope.Value = new Scope(actor, correlationId, causationId);
        return new Restore(previous);
    }

    /// <summary>A request by nobody signed in: it may read public data, and sign in, but not change anything itself.</summary>
    public static IDisposable BeginAnonymous(string correlationId)
    {
        var previous = CurrentScope.Value;
        CurrentScope.Value = new Scope(null, correlationId, null);
        return new Restore(previous);
    }

    /// <summary>Marks what follows as caused by one command, keeping the actor and correlation of the enclosing scope.</summary>
    public static IDisposable BeginCause(string causationId)
    {
        var scope = CurrentScope.Value;
        return Begin(scope?.Actor ?? throw new MissingActorException(), scope.CorrelationId, causationId);
    }

    /// <summary>The actor, who must act as <paramref name="role"/> or be a trusted system job; anybody else is refused.</summary>
    public static Actor Require(Role role)
    {
        var actor = Current ?? throw new MissingActorException();
        return actor.Role == role || actor.IsSystem ? actor : throw BusinessRuleException.Forbidden();
    }

    private sealed record Scope(Actor? Actor, string CorrelationId, string? CausationId);

    private sealed class Restore(Scope? previous) : IDisposable
    {
        public void Dispose() => CurrentScope.Value = previous;
    }
}
