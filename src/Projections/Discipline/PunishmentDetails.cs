using Marten.Events.Aggregation;
using MonBureau.Domain.Common;
using MonBureau.Domain.Discipline;

namespace MonBureau.Projections.Discipline;

public sealed class PunishmentDetails
{
    public Guid Id { get; set; }
    public Guid EstablishmentId { get; set; }
    public Guid StudentId { get; set; }
    public Guid GivenBy { get; set; }
    public Role GivenAs { get; set; }
    public PunishmentKind Kind { get; set; }
    public PersonalData Facts { get; set; } = null!;
    public DateOnly GivenOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

public partial class PunishmentDetailsProjection : SingleStreamProjection<PunishmentDetails, Guid>
{
    public bool ShouldDelete(PunishmentErased _) => true;

    public static PunishmentDetails Create(PunishmentGiven e) => new()
    {
        Id = e.PunishmentId,
        EstablishmentId = e.EstablishmentId,
        StudentId = e.StudentId,
        GivenBy = e.GivenBy,
        GivenAs = e.GivenAs,
        Kind = e.Kind,
        Facts = e.Facts,
        GivenOn = e.GivenOn,
        RecordedAt = e.RecordedAt,
    };
}
