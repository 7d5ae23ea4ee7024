using Marten.Events.Aggregation;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.Privacy;

namespace MonBureau.Projections.Establishments;

public sealed class EstablishmentDetails
{
    public Guid Id { get; set; }
    public string Uai { get; set; } = "";
    public string Name { get; set; } = "";
    public string Academy { get; set; } = "";
    public string TimeZone { get; set; } = "";

    /// <summary>The establishment's own retention durations, by category, and the version of its policy.</summary>
    public Dictionary<RetentionCategory, TimeSpan> RetentionOverrides { get; set; } = [];
    public int RetentionPolicyVersion { get; set; }
}

public partial class EstablishmentDetailsProjection : SingleStreamProjection<EstablishmentDetails, Guid>
{
    public static EstablishmentDetails Create(EstablishmentOpened e) =>
        new() { Id = e.EstablishmentId, Uai = e.Uai, Name = e.Name, Academy = e.Academy, TimeZone = e.TimeZone };

    public void Apply(RetentionOverridden e, EstablishmentDetails establishment)
    {
        establishment.RetentionOverrides[e.Category] = e.Duration;
        establishment.RetentionPolicyVersion = e.Version;
    }
}
