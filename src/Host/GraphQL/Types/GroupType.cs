using GraphQL.Types;
using MonBureau.Domain.People;
using MonBureau.Projections.Groups;
using MonBureau.Host.GraphQL.Nodes;

namespace MonBureau.Host.GraphQL.Types;

public sealed class GroupType : ObjectGraphType<GroupDetails>
{
    public GroupType()
    {
        this.ImplementsNode();
        Name = "Group";
        Description = "A group of students (groupe): « soutien », « avancé », a language group.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable identifier.");
        Field(x => x.EstablishmentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Establishment.");
        Field(x => x.Name).Description("Name, unique in the school year.");
        Field(x => x.SchoolYearStart).Description("Year the school year starts.");
        Field(x => x.Members, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>)).Description("Students in the group.");
    }
}

public sealed class TeachingType : ObjectGraphType<Teaching>
{
    public TeachingType()
    {
        Name = "Teaching";
        Description = "A subject a teacher teaches to a class or a group (service d'enseignement).";
        Field(x => x.TeachingUnitId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The class or group.");
        Field(x => x.Subject).Description("Subject (matière).");
    }
}
