using MonBureau.Domain.Common;

namespace MonBureau.Application.Auditing;

/// <summary>Who acts: a person in one of their profiles, or a named system job.</summary>
public sealed record Actor(Guid Id, Role Role, Guid? EstablishmentId, string? SystemName = null)
{
    public bool IsSystem => Role == Role.System;

    /// <summary>Whether this actor may act in that establishment: its own profile's, or any for a trusted system job.</summary>
    public bool ActsIn(Guid establishmentId) => IsSystem || EstablishmentId == establishmentId;

    /// <summary>Background jobs act under a stable, named identity so the audit trail says which job did what.</summary>
    public static Actor SystemJob(string name) => new(SystemActorIds.For(name), Role.System, null, name);
}
