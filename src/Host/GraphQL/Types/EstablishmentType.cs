using GraphQL.Types;
using MonBureau.Domain.Common;
using MonBureau.Projections.Establishments;

namespace MonBureau.Host.GraphQL.Types;

public sealed class EstablishmentType : ObjectGraphType<EstablishmentDetails>
{
    public EstablishmentType()
    {
        Name = "Establishment";
        Description = "A school (établissement), identified nationally by its UAI code. The tenant boundary: nothing crosses it.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable identifier.");
        Field(x => x.Uai).Description("Unité administrative immatriculée: 7 digits and a letter, e.g. 0671234A.");
        Field(x => x.Name).Description("Official name, e.g. « Lycée Jean Monnet ».");
        Field(x => x.Academy).Description("Académie the establishment belongs to, e.g. Strasbourg.");
        Field(x => x.TimeZone).Description("IANA time zone used for school days, quiet hours and due dates.");
        Field<NonNullGraphType<IntGraphType>, int>("currentSchoolYearStart")
            .Description("Start year of the current school year (1 September – 31 August) at the establishment; 2026 means 2026-2027.")
            .Resolve(ctx =>
            {
                var zone = TimeZoneInfo.FindSystemTimeZoneById(ctx.Source.TimeZone);
                var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(ctx.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow(), zone).DateTime);
                return SchoolYear.Containing(today).StartYear;
            });
    }
}
