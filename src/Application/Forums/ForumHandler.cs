using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.Forums;
using MonBureau.Domain.Projects;

namespace MonBureau.Application.Forums;

/// <summary>Opens forums and locks or unlocks them; who may is decided in <see cref="ForumDecisions"/> and <see cref="ModerationDecisions"/>.</summary>
public static class ForumHandler
{
    public static async Task<Guid> Handle(OpenForum command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Current ?? throw new MissingActorException();
        var visitor = await Visitors.OfAsync(session, actor, cancellationToken) ?? throw BusinessRuleException.Forbidden();
        var target = await TargetAsync(session, command, cancellationToken);
        var opened = ForumDecisions.Open(
            Guid.CreateVersion7(), command, target?.EstablishmentId, target?.Audience ?? ForumAudience.OfUnit(command.ScopeId), visitor, clock.GetUtcNow());
        session.Events.StartStream<Forum>(opened.ForumId, opened);
        return opened.ForumId;
    }

    /// <summary>The class, group or project named, with who a forum there is for; null when missing. A class id given as a group is missing.</summary>
    private static async Task<(Guid EstablishmentId, ForumAudience Audience)?> TargetAsync(IDocumentSession session, OpenForum command, CancellationToken cancellationToken)
    {
        if (command.Scope == ForumScope.Class && await session.LoadAsync<SchoolClass>(command.ScopeId, cancellationToken) is { } schoolClass)
            return (schoolClass.EstablishmentId, ForumAudience.OfUnit(schoolClass.Id));
        if (command.Scope == ForumScope.Group && await session.LoadAsync<SchoolGroup>(command.ScopeId, cancellationToken) is { } group)
            return (group.EstablishmentId, ForumAudience.OfUnit(group.Id));
        if (command.Scope == ForumScope.Project && await session.LoadAsync<Project>(command.ScopeId, cancellationToken) is { } project)
            return (project.EstablishmentId, ProjectDecisions.ForumAudience(project));
        return null;
    }

    public static async Task<Guid> Handle(SetForumLocked command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Current ?? throw new MissingActorException();
        var forum = await session.LoadAsync<Forum>(command.ForumId, cancellationToken);
        var standing = await Visitors.StandingAsync(session, forum, await Visitors.OfAsync(session, actor, cancellationToken), cancellationToken);
        session.Events.Append(command.ForumId, ModerationDecisions.LockForum(command, forum, standing, actor.Id, clock.GetUtcNow()));
        return command.ForumId;
    }
}
