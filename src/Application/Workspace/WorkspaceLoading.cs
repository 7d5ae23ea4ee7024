using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.Files;
using MonBureau.Domain.People;
using MonBureau.Domain.Projects;
using MonBureau.Domain.Workspace;

namespace MonBureau.Application.Workspace;

/// <summary>What workspace decisions and reads need, loaded from the write models: who is looking, and the trees they look at.</summary>
public static class WorkspaceLoading
{
    /// <summary>
    /// The actor as the workspace sees them, in the profile they signed in with: a teacher leads the trees of what they
    /// teach in this establishment, a student follows their class's and groups'; every profile has a personal tree.
    /// </summary>
    public static async Task<WorkspaceViewer> ViewerAsync(IQuerySession session, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(actor);
        var establishmentId = actor.EstablishmentId ?? Guid.Empty;
        var person = await session.LoadAsync<Person>(actor.Id, cancellationToken);
        if (person is null || !person.Holds(actor.Role, establishmentId) || actor.Role is not (Role.Student or Role.Teacher))
            return WorkspaceScopes.Of(actor.Id, establishmentId, null, [], [], []);

        var projects = await session.Query<Project>().Where(p => p.EstablishmentId == establishmentId).ToListAsync(cancellationToken);
        if (actor.Role == Role.Student)
        {
            var groups = await session.Query<SchoolGroup>().Where(g => g.EstablishmentId == establishmentId).ToListAsync(cancellationToken);
            return WorkspaceScopes.Of(actor.Id, establishmentId, person.ClassId, [.. groups.Where(g => g.Members.Contains(actor.Id)).Select(g => g.Id)], [], projects);
        }

        var unitIds = person.Teachings.Select(t => t.TeachingUnitId).Distinct().ToList();
        var classes = unitIds.Count == 0 ? [] : await session.Query<SchoolClass>().Where(c => unitIds.Contains(c.Id) && c.EstablishmentId == establishmentId).Select(c => c.Id).ToListAsync(cancellationToken);
        var groupsTaught = unitIds.Count == 0 ? [] : await session.Query<SchoolGroup>().Where(g => unitIds.Contains(g.Id) && g.EstablishmentId == establishmentId).Select(g => g.Id).ToListAsync(cancellationToken);
        var teachings = person.Teachings
            .Where(t => classes.Contains(t.TeachingUnitId) || groupsTaught.Contains(t.TeachingUnitId))
            .Select(t => (t.TeachingUnitId, groupsTaught.Contains(t.TeachingUnitId), t.Subject))
            .ToList();
        return WorkspaceScopes.Of(actor.Id, establishmentId, null, [], teachings, projects);
    }

    public static async Task<WorkspaceTree> TreeAsync(IQuerySession session, WorkspaceScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(scope);
        var items = await session.Query<WorkspaceItem>().Where(i => i.Scope.Id == scope.Id).ToListAsync(cancellationToken);
        return new WorkspaceTree(scope, items);
    }

    /// <summary>
    /// The tree holding this folder or item: the item's own, or one of the viewer's trees when the id is its root.
    /// Null when neither: the caller answers NOT_FOUND.
    /// </summary>
    public static async Task<WorkspaceTree?> TreeOfAsync(IQuerySession session, WorkspaceViewer viewer, Guid folderOrItemId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(viewer);
        if (await session.LoadAsync<WorkspaceItem>(folderOrItemId, cancellationToken) is { } item)
            return await TreeAsync(session, item.Scope, cancellationToken);
        return viewer.Trees.FirstOrDefault(t => t.RootFolderId == folderOrItemId) is { } scope ? await TreeAsync(session, scope, cancellationToken) : null;
    }

    /// <summary>The stored contents of workspace files the actor names from a homework, a message or a resource.</summary>
    public static async Task<IReadOnlyList<AttachedFile>> ReferencedAsync(IQuerySession session, Actor actor, IReadOnlyList<Guid>? entryIds, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (entryIds is not { Count: > 0 })
            return [];
        var viewer = await ViewerAsync(session, actor, cancellationToken);
        var items = await session.LoadManyAsync<WorkspaceItem>(cancellationToken, entryIds.Distinct().Take(max + 1));
        var trees = new List<WorkspaceTree>();
        foreach (var scope in items.Select(i => i.Scope).DistinctBy(s => (s.Kind, s.Id)))
            trees.Add(await TreeAsync(session, scope, cancellationToken));
        return WorkspaceReferences.Resolve(entryIds, viewer, trees, max);
    }
}
