using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Files;
using MonBureau.Domain.Common;
using MonBureau.Domain.Files;
using MonBureau.Domain.People;
using MonBureau.Domain.Workspace;

namespace MonBureau.Application.Workspace;

/// <summary>Folders and files of the workspace (espace de travail, ADR 0031); each handler returns the changed item's id.</summary>
public static class WorkspaceHandler
{
    public static async Task<Guid> Handle(CreateWorkspaceFolder command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (viewer, tree) = await ContextAsync(session, command.ParentId, cancellationToken);
        var created = WorkspaceDecisions.CreateFolder(Guid.CreateVersion7(), command, viewer, tree, clock.GetUtcNow());
        session.Events.StartStream<WorkspaceItem>(created.FolderId, created);
        return created.FolderId;
    }

    /// <summary>Same bytes already stored by the same uploader in a workspace: named again, not stored again (ADR 0031).</summary>
    public static async Task<Guid> Handle(UploadWorkspaceFile command, IDocumentSession session, FileStore files, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(files);
        var (viewer, tree) = await ContextAsync(session, command.FolderId, cancellationToken);
        var sha256 = FileRules.Inspect(command.File, FileContentTypes.All).Sha256;
        var stored = await session.Query<WorkspaceItem>()
            .Where(i => i.CreatedBy == viewer.PersonId && !i.IsFolder && i.File!.Sha256 == sha256)
            .Select(i => i.File!.FileId)
            .FirstOrDefaultAsync(cancellationToken);
        var limit = await LimitAsync(session, tree.Scope, cancellationToken);
        var now = clock.GetUtcNow();

        var placed = WorkspaceDecisions.PlaceFile(Guid.CreateVersion7(), command, viewer, tree, stored == Guid.Empty ? null : stored, Guid.CreateVersion7(), limit, now);
        if (!placed.Deduplicated)
            files.Stage(session, placed.File, command.File, placed.EstablishmentId, now);
        session.Events.StartStream<WorkspaceItem>(placed.EntryId, placed);
        return placed.EntryId;
    }

    public static async Task<Guid> Handle(RenameWorkspaceItem command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (viewer, tree) = await ContextAsync(session, command.ItemId, cancellationToken);
        var renamed = WorkspaceDecisions.Rename(command, viewer, tree, clock.GetUtcNow());
        session.Events.Append(renamed.ItemId, renamed);
        return renamed.ItemId;
    }

    public static async Task<Guid> Handle(MoveWorkspaceItem command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (viewer, tree) = await ContextAsync(session, command.ItemId, cancellationToken);
        // A target in another tree is not in this one: the decision answers NOT_FOUND.
        var moved = WorkspaceDecisions.Move(command, viewer, tree, clock.GetUtcNow());
        session.Events.Append(moved.ItemId, moved);
        return moved.ItemId;
    }

    public static async Task<Guid> Handle(BinWorkspaceItem command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (viewer, tree) = await ContextAsync(session, command.ItemId, cancellationToken);
        var binned = WorkspaceDecisions.Bin(command, viewer, tree, clock.GetUtcNow());
        session.Events.Append(binned.ItemId, binned);
        return binned.ItemId;
    }

    public static async Task<Guid> Handle(RestoreWorkspaceItem command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (viewer, tree) = await ContextAsync(session, command.ItemId, cancellationToken);
        var restored = WorkspaceDecisions.Restore(command, viewer, tree, await LimitAsync(session, tree.Scope, cancellationToken), clock.GetUtcNow());
        session.Events.Append(restored.ItemId, restored);
        return restored.ItemId;
    }

    public static async Task<Guid> Handle(ShareWorkspaceFolder command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (viewer, tree) = await ContextAsync(session, command.FolderId, cancellationToken);
        var named = (command.PersonIds ?? []).Distinct().Take(WorkspaceDecisions.MaxSharedWith + 1).ToList();
        var people = await session.LoadManyAsync<Person>(cancellationToken, named);
        var colleagues = people.Where(p => p.Profiles.Any(f => f.EstablishmentId == viewer.EstablishmentId)).Select(p => p.Id).ToHashSet();
        var shared = WorkspaceDecisions.Share(command, viewer, tree, colleagues, clock.GetUtcNow());
        session.Events.Append(shared.FolderId, shared);
        return shared.FolderId;
    }

    /// <returns>The class tree's root folder id.</returns>
    public static async Task<Guid> Handle(CreateSubjectFolders command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Require(Role.Teacher);
        var viewer = await WorkspaceLoading.ViewerAsync(session, actor, cancellationToken);
        // Only a class the teacher teaches is found: any other class reads as missing.
        var scope = viewer.Leads.FirstOrDefault(s => s.Kind == WorkspaceScopeKind.Class && s.Id == command.ClassId) ?? throw BusinessRuleException.NotFound("Class");
        var tree = await WorkspaceLoading.TreeAsync(session, scope, cancellationToken);
        var subjects = await session.Query<Person>()
            .Where(p => p.Teachings.Any(t => t.TeachingUnitId == command.ClassId))
            .ToListAsync(cancellationToken);
        var taught = subjects.SelectMany(p => p.Teachings).Where(t => t.TeachingUnitId == command.ClassId).Select(t => t.Subject);

        foreach (var created in WorkspaceDecisions.CreateSubjectFolders(viewer, tree, taught, Guid.CreateVersion7, clock.GetUtcNow()))
            session.Events.StartStream<WorkspaceItem>(created.FolderId, created);
        return scope.RootFolderId;
    }

    private static async Task<(WorkspaceViewer Viewer, WorkspaceTree Tree)> ContextAsync(IDocumentSession session, Guid folderOrItemId, CancellationToken cancellationToken)
    {
        var actor = ActingContext.Current ?? throw new MissingActorException();
        var viewer = await WorkspaceLoading.ViewerAsync(session, actor, cancellationToken);
        var tree = await WorkspaceLoading.TreeOfAsync(session, viewer, folderOrItemId, cancellationToken) ?? throw BusinessRuleException.NotFound("Folder or file");
        return (viewer, tree);
    }

    private static async Task<long> LimitAsync(IDocumentSession session, WorkspaceScope scope, CancellationToken cancellationToken)
    {
        var owner = scope.Kind == WorkspaceScopeKind.Personal ? await session.LoadAsync<Person>(scope.Id, cancellationToken) : null;
        return WorkspaceQuotas.LimitOf(scope, owner?.Profiles.Select(p => p.Role) ?? []);
    }
}
