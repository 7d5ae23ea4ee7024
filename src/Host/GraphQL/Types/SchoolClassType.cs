using GraphQL.Types;
using MonBureau.Projections.Classes;
using MonBureau.Host.GraphQL.Nodes;

namespace MonBureau.Host.GraphQL.Types;

public sealed class SchoolClassType : ObjectGraphType<ClassDetails>
{
    public SchoolClassType()
    {
        this.ImplementsNode();
        Name = "SchoolClass";
        Description = "A class (classe, division) such as « 2nde 3 » for one school year.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable identifier.");
        Field(x => x.EstablishmentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Establishment the class belongs to.");
        Field(x => x.Name).Description("Name used in the establishment, e.g. « 2nde 3 ».");
        Field(x => x.SchoolYearStart).Description("Year the school year starts (1 September); 2026 means 2026-2027.");
    }
}
