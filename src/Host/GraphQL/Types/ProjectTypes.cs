using GraphQL.Types;
using MonBureau.Domain.Projects;
using MonBureau.Projections.Projects;

namespace MonBureau.Host.GraphQL.Types;

public sealed class ProjectType : ObjectGraphType<ProjectView>
{
    public ProjectType()
    {
        Name = "Project";
        Description = "An interdisciplinary project (EPI, projet interdisciplinaire) of classes and groups, with milestones on their agenda; its forums have scope PROJECT.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable identifier.");
        Field(x => x.Title).Description("Title.");
        Field(x => x.Subjects).Description("The subjects (matières) it brings together.");
        this.PersonalField("description", p => p.Description, "What the project is about, written by its coordinator.");
        Field(x => x.CoordinatorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The teacher who runs it and its milestones.");
        Field(x => x.CoTeacherIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>)).Description("The other teachers of the project.");
        Field(x => x.ClassIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>)).Description("The classes taking part.");
        Field(x => x.GroupIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>)).Description("The groups taking part.");
        Field(x => x.CreatedAt).Description("When it was created.");
        Field(x => x.Milestones, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<MilestoneType>>>)).Description("Its milestones (jalons), soonest first; cancelled ones stay, marked cancelled.");
    }
}

public sealed class MilestoneType : ObjectGraphType<MilestoneView>
{
    public MilestoneType()
    {
        Name = "ProjectMilestone";
        Description = "A milestone (jalon) of a project, on the agenda of each of its classes and groups.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable identifier.");
        Field(x => x.Title).Description("Title.");
        Field(x => x.DueAt).Description("When it is due; its agenda entries start then and last an hour.");
        Field(x => x.AgendaEventIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>)).Description("Its agenda entries, one per class or group.");
        Field(x => x.CancelledAt, nullable: true).Description("When it was cancelled (its agenda entries are cancelled too); null while it stands.");
    }
}

public sealed class CreateProjectInputType : InputObjectGraphType<CreateProject>
{
    public CreateProjectInputType()
    {
        Name = "CreateProjectInput";
        Description = "A project for classes and groups the coordinator teaches.";
        Field(x => x.Title).Description("Title, at most 120 characters.");
        Field(x => x.Subjects).Description("One to six subjects.");
        Field(x => x.Description, nullable: true).Description("What it is about, at most 5,000 characters.");
        Field(x => x.ClassIds, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>)).Description("Classes taking part (at most 12 classes and groups in all).");
        Field(x => x.GroupIds, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>)).Description("Groups taking part.");
        Field(x => x.CoTeacherIds, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>)).Description("Other teachers of the establishment (at most 12).");
    }
}

public sealed class AddMilestoneInputType : InputObjectGraphType<AddMilestone>
{
    public AddMilestoneInputType()
    {
        Name = "AddProjectMilestoneInput";
        Description = "A new milestone of a project.";
        Field(x => x.ProjectId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The project.");
        Field(x => x.Title).Description("Title, at most 75 characters.");
        Field(x => x.DueAt).Description("When it is due, in the future.");
    }
}

public sealed class MoveMilestoneInputType : InputObjectGraphType<MoveMilestone>
{
    public MoveMilestoneInputType()
    {
        Name = "MoveProjectMilestoneInput";
        Description = "A new due date for a milestone.";
        Field(x => x.ProjectId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The project.");
        Field(x => x.MilestoneId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The milestone.");
        Field(x => x.DueAt).Description("The new due date, in the future.");
    }
}

public sealed class CancelMilestoneInputType : InputObjectGraphType<CancelMilestone>
{
    public CancelMilestoneInputType()
    {
        Name = "CancelProjectMilestoneInput";
        Description = "A milestone to cancel.";
        Field(x => x.ProjectId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The project.");
        Field(x => x.MilestoneId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The milestone.");
    }
}
