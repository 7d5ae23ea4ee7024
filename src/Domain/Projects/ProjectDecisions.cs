using MonBureau.Domain.Agenda;
using MonBureau.Domain.Common;
using MonBureau.Domain.Forums;

namespace MonBureau.Domain.Projects;

/// <summary>What someone may do with a project: nothing (it does not exist for them), follow it, or run it.</summary>
public enum ProjectStanding
{
    None,
    Participant,
    Coordinator,
}

/// <summary>A milestone checked and ready: the agenda entries to schedule, one per class or group of the project.</summary>
public sealed record MilestonePlan(string Title, DateTimeOffset DueAt, IReadOnlyList<ScheduleAgendaEvent> Entries);

public static class ProjectDecisions
{
    public const int MaxTitleLength = 120;
    public const int MaxMilestoneTitleLength = 75;
    public const int MaxUnits = 12;
    public const int MaxCoTeachers = 12;
    public const int MaxSubjects = 6;
    /// <summary>Cancelled ones included, so a project's list of milestones stays bounded.</summary>
    public const int MaxMilestones = 40;

    /// <summary>A milestone is an hour on the agenda from its due time, long enough to show in a day view.</summary>
    public static readonly TimeSpan AgendaLength = TimeSpan.FromHours(1);

    /// <param name="classesThere">The classes of the coordinator's establishment.</param>
    /// <param name="groupsThere">Its groups.</param>
    /// <param name="teachersThere">Its teachers.</param>
    public static ProjectCreated Create(
        Guid newId, CreateProject command, Visitor coordinator, IReadOnlySet<Guid> classesThere, IReadOnlySet<Guid> groupsThere, IReadOnlySet<Guid> teachersThere,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(coordinator);
        ArgumentNullException.ThrowIfNull(classesThere);
        ArgumentNullException.ThrowIfNull(groupsThere);
        ArgumentNullException.ThrowIfNull(teachersThere);
        if (coordinator.Role != Role.Teacher)
            throw BusinessRuleException.Forbidden();
        var title = Require.Text(command.Title, "Title", MaxTitleLength);
        var classes = (command.ClassIds ?? []).Distinct().ToList();
        var groups = (command.GroupIds ?? []).Distinct().ToList();
        if (classes.Count + groups.Count == 0)
            throw new BusinessRuleException(ErrorCodes.Validation, "Name at least one class or group.") { Field = "ClassIds" };
        if (classes.Count + groups.Count > MaxUnits)
            throw new BusinessRuleException(ErrorCodes.Validation, $"A project is for at most {MaxUnits} classes and groups.") { Field = "ClassIds" };
        // A class elsewhere or one the coordinator does not teach answers like a missing one.
        if (classes.FirstOrDefault(c => !classesThere.Contains(c) || !coordinator.Units.Contains(c)) is var strangeClass && strangeClass != Guid.Empty)
            throw BusinessRuleException.NotFound($"Class {strangeClass}");
        if (groups.FirstOrDefault(g => !groupsThere.Contains(g) || !coordinator.Units.Contains(g)) is var strangeGroup && strangeGroup != Guid.Empty)
            throw BusinessRuleException.NotFound($"Group {strangeGroup}");
        var coTeachers = (command.CoTeacherIds ?? []).Where(t => t != coordinator.PersonId).Distinct().ToList();
        if (coTeachers.Count > MaxCoTeachers)
            throw new BusinessRuleException(ErrorCodes.Validation, $"Name at most {MaxCoTeachers} co-teachers.") { Field = "CoTeacherIds" };
        if (coTeachers.FirstOrDefault(t => !teachersThere.Contains(t)) is var stranger && stranger != Guid.Empty)
            throw BusinessRuleException.NotFound($"Teacher {stranger}");
        var subjects = (command.Subjects ?? []).Select(s => Require.Text(s, "Subjects", 100)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (subjects.Count is 0 or > MaxSubjects)
            throw new BusinessRuleException(ErrorCodes.Validation, $"Name between 1 and {MaxSubjects} subjects.") { Field = "Subjects" };
        var description = string.IsNullOrWhiteSpace(command.Description)
            ? null
            : PersonalData.Of(coordinator.PersonId, Require.Text(command.Description, "Description", 5_000));
        return new ProjectCreated(newId, coordinator.EstablishmentId, coordinator.PersonId, title, subjects, description, classes, groups, coTeachers, now);
    }

    /// <summary>
    /// The coordinator runs the project; its co-teachers, the teachers and students of its classes and groups follow
    /// it, and so does the direction. Guardians follow it through their child (a student visitor with the child's units).
    /// </summary>
    public static ProjectStanding Standing(Project project, Visitor visitor)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(visitor);
        if (visitor.EstablishmentId != project.EstablishmentId)
            return ProjectStanding.None;
        return visitor.Role switch
        {
            Role.Teacher when visitor.PersonId == project.CoordinatorId => ProjectStanding.Coordinator,
            Role.Teacher when project.CoTeacherIds.Contains(visitor.PersonId) || project.Units().Overlaps(visitor.Units) => ProjectStanding.Participant,
            Role.Student when project.Units().Overlaps(visitor.Units) => ProjectStanding.Participant,
            Role.Direction => ProjectStanding.Participant,
            _ => ProjectStanding.None,
        };
    }

    /// <summary>Who a project forum is for: the project's units, moderated by its teachers.</summary>
    public static ForumAudience ForumAudience(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return new ForumAudience(project.Units(), project.Teachers());
    }

    public static MilestonePlan PlanMilestone(AddMilestone command, Project? project, ProjectStanding standing, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var run = Run(project, standing);
        var title = Require.Text(command.Title, "Title", MaxMilestoneTitleLength);
        CheckDueDate(command.DueAt, now);
        if (run.Milestones.Count >= MaxMilestones)
            throw BusinessRuleException.Invalid($"A project has at most {MaxMilestones} milestones, cancelled ones included.");
        return new MilestonePlan(title, command.DueAt, [
            .. run.ClassIds.Select(c => Entry(AgendaAudience.Class, c, run.Title, title, command.DueAt)),
            .. run.GroupIds.Select(g => Entry(AgendaAudience.Group, g, run.Title, title, command.DueAt)),
        ]);
    }

    public static MilestoneAdded Added(Project project, Guid milestoneId, MilestonePlan plan, IReadOnlyList<Guid> agendaEventIds, Guid by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(plan);
        return new MilestoneAdded(project.Id, milestoneId, project.EstablishmentId, plan.Title, plan.DueAt, agendaEventIds, by, now);
    }

    /// <summary>The milestone's agenda entries at the new date, then the fact itself.</summary>
    public static (IReadOnlyList<ReviseAgendaEvent> Revisions, MilestoneMoved Moved) Move(MoveMilestone command, Project? project, ProjectStanding standing, Guid by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var run = Run(project, standing);
        var milestone = Current(run, command.MilestoneId);
        CheckDueDate(command.DueAt, now);
        var title = AgendaTitle(run.Title, milestone.Title);
        return (
            [.. milestone.AgendaEventIds.Select(id =>
                new ReviseAgendaEvent(id, AgendaEventKind.Other, title, null, command.DueAt, command.DueAt + AgendaLength, null, Important: false))],
            new MilestoneMoved(run.Id, milestone.Id, run.EstablishmentId, command.DueAt, by, now));
    }

    public static (IReadOnlyList<CancelAgendaEvent> Cancellations, MilestoneCancelled Cancelled) Cancel(
        CancelMilestone command, Project? project, ProjectStanding standing, Guid by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var run = Run(project, standing);
        var milestone = Current(run, command.MilestoneId);
        return ([.. milestone.AgendaEventIds.Select(id => new CancelAgendaEvent(id))], new MilestoneCancelled(run.Id, milestone.Id, run.EstablishmentId, by, now));
    }

    private static Project Run(Project? project, ProjectStanding standing) => standing switch
    {
        ProjectStanding.Coordinator => project!,
        ProjectStanding.Participant => throw BusinessRuleException.Forbidden(),
        _ => throw BusinessRuleException.NotFound("Project"),
    };

    private static Milestone Current(Project project, Guid milestoneId)
    {
        var milestone = project.Milestones.FirstOrDefault(m => m.Id == milestoneId) ?? throw BusinessRuleException.NotFound("Milestone");
        return milestone.Cancelled ? throw new BusinessRuleException(ErrorCodes.Conflict, "This milestone is cancelled.") : milestone;
    }

    private static void CheckDueDate(DateTimeOffset dueAt, DateTimeOffset now)
    {
        if (dueAt <= now)
            throw new BusinessRuleException(ErrorCodes.Validation, "The due date must be in the future.") { Field = "DueAt" };
        if (dueAt > now.AddYears(2))
            throw new BusinessRuleException(ErrorCodes.Validation, "The due date must be within two years.") { Field = "DueAt" };
    }

    private static string AgendaTitle(string project, string milestone) => $"{project} : {milestone}";

    private static ScheduleAgendaEvent Entry(AgendaAudience audience, Guid unitId, string project, string milestone, DateTimeOffset dueAt) =>
        new(audience, unitId, AgendaEventKind.Other, AgendaTitle(project, milestone), null, dueAt, dueAt + AgendaLength, null, Important: false);
}
