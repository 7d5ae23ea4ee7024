namespace MonBureau.Application.Auditing;

/// <summary>Thrown when something tries to change state without saying who acts: the audit trail would have a hole.</summary>
public sealed class MissingActorException()
    : InvalidOperationException("No actor: every change must be made by a known person or a named system job (ActingContext.Begin).");
