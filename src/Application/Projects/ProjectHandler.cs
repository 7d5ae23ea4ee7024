using Marten;
using MonBureau.Application.Agenda;
using MonBureau.Application.Auditing;
using MonBureau.Application.Forums;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.People;
using MonBureau.Domain.Projects;

namespace MonBureau.Application.Projects;

/// <summary>
/// Creates projects and manages their milestones. A milestone is put on, moved in and removed from the agenda through
/// the agenda's own handler, in the same transaction, so the agenda's rules and notifications apply to it.
/// </summary>
public static class ProjectHandler
{
    public static async Task<Guid> Handle(CreateProject command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Require(Role.Teacher);
        var coordinator = await Visitors.OfAsync(session, actor, cancellationToken) ?? throw BusinessRuleException.Forbidden();
        var establishmentId = coordinator.EstablishmentId;
        Guid[] named = [.. command.ClassIds ?? [], .. command.GroupIds ?? []];
        var classes = (await session.LoadManyAsync<SchoolClass>(cancellationToken, named)).Where(c => c.EstablishmentId == establishmentId).Select(c => c.Id).ToHashSet();
        var groups = (await session.LoadManyAsync<SchoolGroup>(cancellationToken, named)).Where(g => g.EstablishmentId == establishmentId).Select(g => g.Id).ToHashSet();
        var coTeacherIds = (command.CoTeacherIds ?? []).ToArray();
        var teachers = (await session.LoadManyAsync<Person>(cancellationToken, coTeacherIds))
            .Where(p => p.Holds(Role.Teacher, establishmentId)).Select(p => p.Id).ToHashSet();

        var created = ProjectDecisions.Create(Guid.CreateVersion7(), command, coordinator, classes, groups, teachers, clock.GetUtcNow());
        session.Events.StartStream<Project>(created.ProjectId, created);
        return created.ProjectId;
    }

    /// <returns>The project's id.</returns>
    public static async Task<Guid> Handle(AddMilestone command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (project, standing, actorId) = await StandingAsync(session, command.ProjectId, cancellationToken);
        var plan = ProjectDecisions.PlanMilestone(command, project, standing, clock.GetUtcNow());
        var agendaEventIds = new List<Guid>();
        foreach (var entry in plan.Entries)
            agendaEventIds.Add(await AgendaHandler.Handle(entry, session, clock, cancellationToken));
        var added = ProjectDecisions.Added(project!, Guid.CreateVersion7(), plan, agendaEventIds, actorId, clock.GetUtcNow());
        session.Events.Append(added.ProjectId, added);
        return added.ProjectId;
    }

    /// <returns>The project's id.</returns>
    public static async Task<Guid> Handle(MoveMilestone command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (project, standing, actorId) = await StandingAsync(session, command.ProjectId, cancellationToken);
        var (revisions, moved) = ProjectDecisions.Move(command, project, standing, actorId, clock.GetUtcNow());
        foreach (var revision in revisions)
            await AgendaHandler.Handle(revision, session, clock, cancellationToken);
        session.Events.Append(moved.ProjectId, moved);
        return moved.ProjectId;
    }

    /// <returns>The project's id.</returns>
    public static async Task<Guid> Handle(CancelMilestone command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (project, standing, actorId) = await StandingAsync(session, command.ProjectId, cancellationToken);
        var (cancellations, cancelled) = ProjectDecisions.Cancel(command, project, standing, actorId, clock.GetUtcNow());
        foreach (var cancellation in cancellations)
            await AgendaHandler.Handle(cancellation, session, clock, cancellationToken);
        session.Events.Append(cancelled.ProjectId, cancelled);
        return cancelled.ProjectId;
    }

    private static async Task<(Project? Project, ProjectStanding Standing, Guid ActorId)> StandingAsync(IDocumentSession session, Guid projectId, CancellationToken cancellationToken)
    {
        var actor = ActingContext.Current ?? throw new MissingActorException();
        var project = await session.LoadAsync<Project>(projectId, cancellationToken);
        var visitor = await Visitors.OfAsync(session, actor, cancellationToken);
        return (project, project is null || visitor is null ? ProjectStanding.None : ProjectDecisions.Standing(project, visitor), actor.Id);
    }
}
