using MonBureau.Domain.Common;

namespace MonBureau.Domain.Classes;

/// <summary>A class (division) such as "2nde 3" for one school year.</summary>
public sealed record ClassCreated(Guid ClassId, Guid EstablishmentId, string Name, SchoolYear SchoolYear) : IEstablishmentScoped;

public sealed record SchoolClass(Guid Id, Guid EstablishmentId, string Name, SchoolYear SchoolYear)
{
    public static SchoolClass Create(ClassCreated e) => new(e.ClassId, e.EstablishmentId, e.Name, e.SchoolYear);
}
