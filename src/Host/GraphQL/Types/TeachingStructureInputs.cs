using GraphQL.Types;
using MonBureau.Domain.Classes;
using MonBureau.Domain.People;

namespace MonBureau.Host.GraphQL.Types;

public sealed class CreateGroupInputType : InputObjectGraphType<CreateGroup>
{
    public CreateGroupInputType()
    {
        Name = "CreateGroupInput";
        Description = "A group to create in the administrator's establishment.";
        Field(x => x.EstablishmentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Establishment.");
        Field(x => x.Name).Description("Group name, unique in the school year.");
        Field(x => x.SchoolYearStart, nullable: true).Description("Starting year of the school year; the current one when omitted.");
    }
}

public sealed class GroupMembershipInputType : InputObjectGraphType<AddStudentToGroup>
{
    public GroupMembershipInputType()
    {
        Name = "GroupMembershipInput";
        Description = "A student and a group.";
        Field(x => x.GroupId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The group.");
        Field(x => x.StudentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The student.");
    }
}

public sealed class TeachingInputType : InputObjectGraphType<AssignTeaching>
{
    public TeachingInputType()
    {
        Name = "TeachingInput";
        Description = "A teacher, a class or group, and a subject.";
        Field(x => x.TeacherId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The teacher.");
        Field(x => x.TeachingUnitId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The class or group.");
        Field(x => x.Subject).Description("Subject (matière), e.g. « Mathématiques ».");
    }
}
