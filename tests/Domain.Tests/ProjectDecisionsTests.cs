using MonBureau.Domain.Agenda;
using MonBureau.Domain.Common;
using MonBureau.Domain.Forums;
using MonBureau.Domain.Projects;

namespace MonBureau.Domain.Tests;

public class ProjectDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid EstablishmentId = Guid.CreateVersion7();
    private static readonly Guid ClassId = Guid.CreateVersion7();
    private static readonly Guid GroupId = Guid.CreateVersion7();
    private static readonly Guid CoTeacherId = Guid.CreateVersion7();

    private static Visitor Teacher(params Guid[] teaches) => new(Guid.CreateVersion7(), Role.Teacher, EstablishmentId, teaches.ToHashSet());

    private static ProjectCreated Create(Visitor coordinator, Guid[]? classes = null, Guid[]? coTeachers = null) =>
        ProjectDecisions.Create(Guid.CreateVersion7(),
            new CreateProject("Le climat", ["SVT", "Histoire-géographie"], "Enquête sur le climat local", classes ?? [ClassId], [GroupId], coTeachers ?? [CoTeacherId]),
            coordinator, new HashSet<Guid> { ClassId }, new HashSet<Guid> { GroupId }, new HashSet<Guid> { CoTeacherId }, Now);

    private static Project Coordinated(out Visitor coordinator)
    {
        coordinator = Teacher(ClassId, GroupId);
        return Project.Create(Create(coordinator));
    }

    [Fact]
    public void Given_a_teacher_of_the_class_and_group_When_creating_a_project_Then_they_coordinate_it_with_the_co_teacher()
    {
        var coordinator = Teacher(ClassId, GroupId);

        var created = Create(coordinator);
        var project = Project.Create(created);

        Assert.Equal(coordinator.PersonId, created.CoordinatorId);
        Assert.Equal(PersonalData.Of(coordinator.PersonId, "Enquête sur le climat local"), created.Description);
        Assert.Equal(ProjectStanding.Coordinator, ProjectDecisions.Standing(project, coordinator));
        Assert.Equal(ProjectStanding.Participant, ProjectDecisions.Standing(project, new Visitor(CoTeacherId, Role.Teacher, EstablishmentId, new HashSet<Guid>())));
        Assert.Equal(ProjectStanding.Participant, ProjectDecisions.Standing(project, new Visitor(Guid.CreateVersion7(), Role.Student, EstablishmentId, new HashSet<Guid> { GroupId })));
        Assert.Equal(ProjectStanding.None, ProjectDecisions.Standing(project, new Visitor(Guid.CreateVersion7(), Role.Student, EstablishmentId, new HashSet<Guid> { Guid.CreateVersion7() })));
    }

    [Fact]
    public void Given_a_class_the_teacher_does_not_teach_When_creating_a_project_Then_it_is_not_found() =>
        Assert.Equal(ErrorCodes.NotFound, Assert.Throws<BusinessRuleException>(() => Create(Teacher(GroupId))).Code);

    [Fact]
    public void Given_a_co_teacher_from_elsewhere_When_creating_a_project_Then_it_is_not_found() =>
        Assert.Equal(ErrorCodes.NotFound, Assert.Throws<BusinessRuleException>(() => Create(Teacher(ClassId, GroupId), coTeachers: [Guid.CreateVersion7()])).Code);

    [Fact]
    public void Given_a_project_When_its_coordinator_adds_a_milestone_Then_there_is_one_agenda_entry_per_class_and_group_from_the_due_time()
    {
        var project = Coordinated(out _);
        var dueAt = Now.AddDays(14);

        var plan = ProjectDecisions.PlanMilestone(new AddMilestone(project.Id, "Exposés", dueAt), project, ProjectStanding.Coordinator, Now);

        Assert.Equal(new[] { (AgendaAudience.Class, ClassId), (AgendaAudience.Group, GroupId) }, plan.Entries.Select(e => (e.Audience, e.TeachingUnitId!.Value)));
        Assert.All(plan.Entries, e =>
        {
            Assert.Equal(dueAt, e.StartsAt);
            Assert.Equal(dueAt + ProjectDecisions.AgendaLength, e.EndsAt);
            Assert.Equal("Le climat : Exposés", e.Title);
        });
    }

    [Fact]
    public void Given_a_co_teacher_When_adding_a_milestone_Then_it_is_forbidden_and_a_stranger_does_not_find_the_project()
    {
        var project = Coordinated(out _);
        var command = new AddMilestone(project.Id, "Exposés", Now.AddDays(14));

        Assert.Equal(ErrorCodes.Forbidden, Assert.Throws<BusinessRuleException>(() => ProjectDecisions.PlanMilestone(command, project, ProjectStanding.Participant, Now)).Code);
        Assert.Equal(ErrorCodes.NotFound, Assert.Throws<BusinessRuleException>(() => ProjectDecisions.PlanMilestone(command, project, ProjectStanding.None, Now)).Code);
    }

    [Fact]
    public void Given_a_past_due_date_When_adding_a_milestone_Then_it_is_invalid()
    {
        var project = Coordinated(out _);

        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(() =>
            ProjectDecisions.PlanMilestone(new AddMilestone(project.Id, "Exposés", Now.AddHours(-1)), project, ProjectStanding.Coordinator, Now)).Code);
    }

    [Fact]
    public void Given_a_milestone_When_moving_it_Then_each_agenda_entry_is_revised_and_when_cancelled_it_can_no_longer_move()
    {
        var project = Coordinated(out var coordinator);
        var agenda = new[] { Guid.CreateVersion7(), Guid.CreateVersion7() };
        var plan = ProjectDecisions.PlanMilestone(new AddMilestone(project.Id, "Exposés", Now.AddDays(14)), project, ProjectStanding.Coordinator, Now);
        var added = ProjectDecisions.Added(project, Guid.CreateVersion7(), plan, agenda, coordinator.PersonId, Now);
        project = project.Apply(added);
        var later = Now.AddDays(21);

        var (revisions, moved) = ProjectDecisions.Move(new MoveMilestone(project.Id, added.MilestoneId, later), project, ProjectStanding.Coordinator, coordinator.PersonId, Now);
        var (cancellations, cancelled) = ProjectDecisions.Cancel(new CancelMilestone(project.Id, added.MilestoneId), project, ProjectStanding.Coordinator, coordinator.PersonId, Now);
        project = project.Apply(moved).Apply(cancelled);

        Assert.Equal(agenda, revisions.Select(r => r.EventId));
        Assert.All(revisions, r => Assert.Equal(later, r.StartsAt));
        Assert.Equal(agenda, cancellations.Select(c => c.EventId));
        Assert.Equal(ErrorCodes.Conflict, Assert.Throws<BusinessRuleException>(() =>
            ProjectDecisions.Move(new MoveMilestone(project.Id, added.MilestoneId, later), project, ProjectStanding.Coordinator, coordinator.PersonId, Now)).Code);
    }

    [Fact]
    public void Given_a_project_Then_its_forum_is_for_its_units_and_moderated_by_its_teachers()
    {
        var project = Coordinated(out var coordinator);
        var forum = new Forum(Guid.CreateVersion7(), EstablishmentId, ForumScope.Project, project.Id, coordinator.PersonId, ModerationMode.APosteriori, false);
        var audience = ProjectDecisions.ForumAudience(project);

        Assert.Equal(ForumStanding.Moderator, ForumStandings.Of(forum, audience, new Visitor(CoTeacherId, Role.Teacher, EstablishmentId, new HashSet<Guid>())));
        Assert.Equal(ForumStanding.Member, ForumStandings.Of(forum, audience, new Visitor(Guid.CreateVersion7(), Role.Student, EstablishmentId, new HashSet<Guid> { ClassId })));
        Assert.Equal(ForumStanding.None, ForumStandings.Of(forum, audience, Teacher(Guid.CreateVersion7())));
    }
}
