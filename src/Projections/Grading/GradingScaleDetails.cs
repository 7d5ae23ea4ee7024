using Marten.Events.Aggregation;
using MonBureau.Domain.Grading;

namespace MonBureau.Projections.Grading;

public sealed class GradingScaleDetails
{
    public Guid Id { get; set; }
    public Guid EstablishmentId { get; set; }
    public Guid? OwnerTeacherId { get; set; }
    public string Name { get; set; } = "";
    public GradingScaleKind Kind { get; set; }
    public decimal? Maximum { get; set; }
    public List<string> Levels { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}

public partial class GradingScaleDetailsProjection : SingleStreamProjection<GradingScaleDetails, Guid>
{
    public static GradingScaleDetails Create(GradingScaleCreated e) => new()
    {
        Id = e.ScaleId,
        EstablishmentId = e.EstablishmentId,
        OwnerTeacherId = e.OwnerTeacherId,
        Name = e.Name,
        Kind = e.Kind,
        Maximum = e.Maximum,
        Levels = [.. e.Levels],
        CreatedAt = e.CreatedAt,
    };
}
