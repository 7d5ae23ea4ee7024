using MonBureau.Domain.Common;
using MonBureau.Domain.Files;

namespace MonBureau.Domain.Workspace;

/// <summary>
/// What may change in a tree and how. Anything the viewer may not see is NOT_FOUND (nothing leaks from another
/// class or another person's folders); something they see but may only read is FORBIDDEN.
/// </summary>
public static class WorkspaceDecisions
{
    /// <summary>Folders nest at most this deep below the root.</summary>
    public const int MaxDepth = 8;

    /// <summary>Items of one tree, bin included: a tree is read whole to decide, so it stays bounded.</summary>
    public const int MaxItems = 5_000;

    /// <summary>How long the bin keeps an item restorable.</summary>
    public const int BinDays = 30;

    public const int MaxSharedWith = 50;

    public static WorkspaceFolderCreated CreateFolder(Guid newId, CreateWorkspaceFolder command, WorkspaceViewer viewer, WorkspaceTree tree, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(tree);
        RequireWrite(viewer, tree, command.ParentId);
        if (tree.InDropBox(command.ParentId))
            throw BusinessRuleException.Invalid("A drop box holds files only: create the folder elsewhere.");
        if (command.DropBox && tree.Scope.Kind is not (WorkspaceScopeKind.Class or WorkspaceScopeKind.Group))
            throw BusinessRuleException.Invalid("A drop box (dépôt) belongs to a class or group's folders.");
        if (tree.Depth(command.ParentId) + 1 > MaxDepth)
            throw BusinessRuleException.Invalid($"Folders nest at most {MaxDepth} levels deep.");
        RequireRoom(tree);
        var name = FreeName(tree, command.ParentId, command.Name, null);
        return new WorkspaceFolderCreated(newId, tree.Scope.EstablishmentId, tree.Scope, command.ParentId, PersonalData.Of(viewer.PersonId, name), command.DropBox, viewer.PersonId, now);
    }

    /// <param name="storedContentId">The id of the same bytes the uploader already stored in a workspace, if any: they are named again, not stored again.</param>
    /// <param name="newContentId">The id the bytes are stored under otherwise.</param>
    /// <param name="limit">The tree's quota (<see cref="WorkspaceQuotas.LimitOf"/>).</param>
    public static WorkspaceFilePlaced PlaceFile(
        Guid newId, UploadWorkspaceFile command, WorkspaceViewer viewer, WorkspaceTree tree, Guid? storedContentId, Guid newContentId, long limit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(tree);
        var access = See(viewer, tree, command.FolderId);
        if (access == WorkspaceAccess.Read)
            throw BusinessRuleException.Forbidden();
        RequireRoom(tree);
        var facts = FileRules.Inspect(command.File, FileContentTypes.All);
        var name = WorkspaceNames.Of(command.File.Name, "File name");
        var added = tree.Holds(viewer.PersonId, facts.Sha256) ? 0 : facts.Size;
        if (tree.UsedBytes + added > limit)
        {
            throw new BusinessRuleException(ErrorCodes.QuotaExceeded,
                $"Not enough room: {Mib(tree.UsedBytes)} of {Mib(limit)} used, this file needs {Mib(facts.Size)}. Empty the bin or remove files first.");
        }

        var file = new AttachedFile(storedContentId ?? newContentId, PersonalData.Of(viewer.PersonId, name), facts.ContentType, facts.Size, facts.Sha256);
        return new WorkspaceFilePlaced(newId, tree.Scope.EstablishmentId, tree.Scope, command.FolderId, file, storedContentId is not null, viewer.PersonId, now);
    }

    public static WorkspaceItemRenamed Rename(RenameWorkspaceItem command, WorkspaceViewer viewer, WorkspaceTree tree, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var item = Changeable(viewer, tree, command.ItemId);
        var name = item.IsFolder ? FreeName(tree, item.ParentId, command.Name, item.Id) : WorkspaceNames.Of(command.Name);
        return new WorkspaceItemRenamed(item.Id, item.EstablishmentId, PersonalData.Of(viewer.PersonId, name), viewer.PersonId, now);
    }

    /// <summary>Within one tree only: moving into another tree would change who may read it and whose quota it takes.</summary>
    public static WorkspaceItemMoved Move(MoveWorkspaceItem command, WorkspaceViewer viewer, WorkspaceTree tree, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(tree);
        var item = Changeable(viewer, tree, command.ItemId);
        RequireWrite(viewer, tree, command.ParentId);
        if (item.IsFolder)
        {
            if (tree.Above(command.ParentId).Any(f => f.Id == item.Id))
                throw BusinessRuleException.Invalid("A folder cannot be moved into itself or one of its subfolders.");
            if (tree.InDropBox(command.ParentId))
                throw BusinessRuleException.Invalid("A drop box holds files only.");
            if (tree.Depth(command.ParentId) + 1 + tree.Height(item.Id) > MaxDepth)
                throw BusinessRuleException.Invalid($"Folders nest at most {MaxDepth} levels deep.");
            FreeName(tree, command.ParentId, item.Name.Value, item.Id);
        }

        return new WorkspaceItemMoved(item.Id, item.EstablishmentId, command.ParentId, viewer.PersonId, now);
    }

    /// <summary>Deleting puts in the bin: what a folder holds goes with it and comes back with it.</summary>
    public static WorkspaceItemBinned Bin(BinWorkspaceItem command, WorkspaceViewer viewer, WorkspaceTree tree, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var item = Changeable(viewer, tree, command.ItemId);
        return new WorkspaceItemBinned(item.Id, item.EstablishmentId, viewer.PersonId, now);
    }

    /// <summary>Within <see cref="BinDays"/> days; back in its folder, or at the top when that folder is gone. The quota applies again.</summary>
    public static WorkspaceItemRestored Restore(RestoreWorkspaceItem command, WorkspaceViewer viewer, WorkspaceTree tree, long limit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(tree);
        var item = tree.Find(command.ItemId);
        if (item?.BinnedAt is not { } binnedAt || binnedAt.AddDays(BinDays) < now || !MayChange(viewer, tree, item))
            throw BusinessRuleException.NotFound("Item in the bin");
        var parent = tree.IsLiveFolder(item.ParentId) ? item.ParentId : tree.RootId;
        if (item.IsFolder)
            FreeName(tree, parent, item.Name.Value, item.Id);
        var restored = new WorkspaceTree(tree.Scope, tree.Items.Select(i => i.Id == item.Id ? i with { BinnedAt = null, ParentId = parent } : i));
        if (restored.UsedBytes > Math.Max(limit, tree.UsedBytes))
            throw new BusinessRuleException(ErrorCodes.QuotaExceeded, $"Not enough room to restore it: {Mib(tree.UsedBytes)} of {Mib(limit)} used.");
        return new WorkspaceItemRestored(item.Id, item.EstablishmentId, parent, viewer.PersonId, now);
    }

    /// <param name="colleagues">The people named who belong to the owner's establishment; anyone else named is refused.</param>
    public static WorkspaceFolderShared Share(ShareWorkspaceFolder command, WorkspaceViewer viewer, WorkspaceTree tree, IReadOnlySet<Guid> colleagues, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(colleagues);
        var folder = tree.Find(command.FolderId);
        if (folder is not { IsFolder: true } || !tree.IsLive(folder) || tree.Scope.Kind != WorkspaceScopeKind.Personal || tree.Scope.Id != viewer.PersonId)
            throw BusinessRuleException.NotFound("Folder");
        var people = (command.PersonIds ?? []).Distinct().Where(p => p != viewer.PersonId).ToList();
        if (people.Count > MaxSharedWith)
            throw BusinessRuleException.Invalid($"Share a folder with at most {MaxSharedWith} people.");
        if (people.FirstOrDefault(p => !colleagues.Contains(p)) is var stranger && stranger != Guid.Empty)
            throw BusinessRuleException.NotFound($"Person {stranger} in your establishment");
        return new WorkspaceFolderShared(folder.Id, viewer.EstablishmentId, people, viewer.PersonId, now);
    }

    /// <summary>The subjects taught in the class that have no folder yet at the top of its tree, in alphabetical order; nothing when all exist.</summary>
    /// <param name="subjects">The subjects taught in the class (teaching assignments), as recorded.</param>
    public static IReadOnlyList<WorkspaceFolderCreated> CreateSubjectFolders(
        WorkspaceViewer viewer, WorkspaceTree tree, IEnumerable<string> subjects, Func<Guid> newId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(newId);
        if (tree.Scope.Kind != WorkspaceScopeKind.Class)
            throw BusinessRuleException.NotFound("Class");
        RequireWrite(viewer, tree, tree.RootId);
        var existing = tree.Children(tree.RootId).Where(i => i.IsFolder).Select(i => i.Name.Value).ToList();
        var missing = subjects.Select(WorkspaceNames.Subject)
            .DistinctBy(s => s.ToUpperInvariant())
            .Where(s => !existing.Any(e => WorkspaceNames.Same(e, s)))
            .Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true))
            .ToList();
        if (tree.Items.Count + missing.Count > MaxItems)
            throw TreeFull();
        return [.. missing.Select(s => new WorkspaceFolderCreated(newId(), tree.Scope.EstablishmentId, tree.Scope, tree.RootId, PersonalData.Of(viewer.PersonId, s), false, viewer.PersonId, now))];
    }

    /// <summary>Whether the viewer may rename, move or bin the item: a writer of its folder, or the student who dropped it in a drop box.</summary>
    public static bool MayChange(WorkspaceViewer viewer, WorkspaceTree tree, WorkspaceItem item)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(item);
        var access = tree.AccessIn(viewer, item.ParentId);
        return access == WorkspaceAccess.Write || (access == WorkspaceAccess.Drop && !item.IsFolder && item.CreatedBy == viewer.PersonId);
    }

    private static WorkspaceItem Changeable(WorkspaceViewer viewer, WorkspaceTree tree, Guid itemId)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var item = tree.Find(itemId);
        if (item is null || !tree.IsLive(item) || !tree.Sees(viewer, item))
            throw BusinessRuleException.NotFound("Item");
        return MayChange(viewer, tree, item) ? item : throw BusinessRuleException.Forbidden();
    }

    private static WorkspaceAccess See(WorkspaceViewer viewer, WorkspaceTree tree, Guid folderId)
    {
        var access = tree.IsLiveFolder(folderId) ? tree.AccessIn(viewer, folderId) : WorkspaceAccess.None;
        return access == WorkspaceAccess.None ? throw BusinessRuleException.NotFound("Folder") : access;
    }

    private static void RequireWrite(WorkspaceViewer viewer, WorkspaceTree tree, Guid folderId)
    {
        if (See(viewer, tree, folderId) != WorkspaceAccess.Write)
            throw BusinessRuleException.Forbidden();
    }

    private static void RequireRoom(WorkspaceTree tree)
    {
        if (tree.Items.Count >= MaxItems)
            throw TreeFull();
    }

    private static BusinessRuleException TreeFull() =>
        new(ErrorCodes.QuotaExceeded, $"These folders hold {MaxItems} items already, bin included: empty the bin or tidy up first.");

    /// <summary>Two folders side by side never share a name (ignoring case), so a path names one folder.</summary>
    private static string FreeName(WorkspaceTree tree, Guid parentId, string? name, Guid? self)
    {
        var clean = WorkspaceNames.Of(name);
        if (tree.Children(parentId).Any(i => i.IsFolder && i.Id != self && WorkspaceNames.Same(i.Name.Value, clean)))
            throw new BusinessRuleException(ErrorCodes.Conflict, $"A folder named {clean} is already there.");
        return clean;
    }

    private static string Mib(long bytes) => (bytes / (double)WorkspaceQuotas.MiB).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " MiB";
}
