using GraphQL.Types;
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
    }
}
