using Marten.Events.Aggregation;
using MonBureau.Domain.Establishments;

namespace MonBureau.Projections.Establishments;

public sealed class EstablishmentDetails
{
    public Guid Id { get; set; }
    public string Uai { get; set; } = "";
    public string Name { get; set; } = "";
    public string Academy { get; set; } = "";
    public string TimeZone { get; set; } = "";
}

public partial class EstablishmentDetailsProjection : SingleStreamProjection<EstablishmentDetails, Guid>
{
    public static EstablishmentDetails Create(EstablishmentOpened e) =>
        new() { Id = e.EstablishmentId, Uai = e.Uai, Name = e.Name, Academy = e.Academy, TimeZone = e.TimeZone };
}
