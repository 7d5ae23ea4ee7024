using MonBureau.Domain.Common;

namespace MonBureau.Domain.Establishments;

public sealed record EstablishmentOpened(Guid EstablishmentId, string Uai, string Name, string Academy, string TimeZone) : IEstablishmentScoped;

/// <summary>Write-side state of an establishment: only what decisions need.</summary>
public sealed record Establishment(Guid Id, string Uai, string TimeZone, int RetentionPolicyVersion = 0)
{
    public static Establishment Create(EstablishmentOpened e) => new(e.EstablishmentId, e.Uai, e.TimeZone);

    public Establishment Apply(Privacy.RetentionOverridden e) => this with { RetentionPolicyVersion = e.Version };
}
