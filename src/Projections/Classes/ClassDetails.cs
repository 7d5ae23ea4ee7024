using Marten.Events.Aggregation;
using MonBureau.Domain.Classes;

namespace MonBureau.Projections.Classes;

public sealed class ClassDetails
{
    public Guid Id { get; set; }
    public Guid EstablishmentId { get; set; }
    public string Name { get; set; } = "";
    public int SchoolYearStart { get; set; }
}

public partial class ClassDetailsProjection : SingleStreamProjection<ClassDetails, Guid>
{
    public static ClassDetails Create(ClassCreated e) =>
        new() { Id = e.ClassId, EstablishmentId = e.EstablishmentId, Name = e.Name, SchoolYearStart = e.SchoolYear.StartYear };
}
