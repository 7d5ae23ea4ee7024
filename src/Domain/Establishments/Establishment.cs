using MonBureau.Domain.Common;
using MonBureau.Domain.Privacy;

namespace MonBureau.Domain.Establishments;

public sealed record EstablishmentOpened(Guid EstablishmentId, string Uai, string Name, string Academy, string TimeZone) : IEstablishmentScoped;

/// <summary>Write-side state of an establishment: only what decisions (and purges) need.</summary>
public sealed record Establishment(
    Guid Id, string Uai, string TimeZone, int RetentionPolicyVersion = 0, IReadOnlyDictionary<RetentionCategory, TimeSpan>? RetentionOverrides = null)
{
    public static Establishment Create(EstablishmentOpened e) => new(e.EstablishmentId, e.Uai, e.TimeZone);

    public Establishment Apply(RetentionOverridden e) => this with
    {
        RetentionPolicyVersion = e.Version,
        RetentionOverrides = new Dictionary<RetentionCategory, TimeSpan>(RetentionOverrides ?? new Dictionary<RetentionCategory, TimeSpan>()) { [e.Category] = e.Duration },
    };

    /// <summary>How long this establishment keeps a category: its own duration, or the register's default.</summary>
    public TimeSpan Retention(RetentionCategory category) =>
        RetentionOverrides?.TryGetValue(category, out var own) == true ? own : RetentionRegistry.Rule(category).Duration!.Value;
}
