namespace MonBureau.Domain.Workspace;

/// <summary>
/// One tree's folders and files as stored, and what follows from where an item sits: whether it is live (neither it
/// nor a folder above it is in the bin), its depth, whether it is in a drop box, who a personal folder is shared with,
/// and the space the tree's live files take (each stored content counted once).
/// </summary>
public sealed class WorkspaceTree
{
    private readonly Dictionary<Guid, WorkspaceItem> _items;

    public WorkspaceTree(WorkspaceScope scope, IEnumerable<WorkspaceItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        Scope = scope ?? throw new ArgumentNullException(nameof(scope));
        _items = items.Where(i => i.Scope.SameTree(scope)).ToDictionary(i => i.Id);
    }

    public WorkspaceScope Scope { get; }

    public Guid RootId => Scope.RootFolderId;

    public IReadOnlyCollection<WorkspaceItem> Items => _items.Values;

    public WorkspaceItem? Find(Guid id) => _items.GetValueOrDefault(id);

    /// <summary>Whether <paramref name="folderId"/> is a folder of this tree one can put things in: the root, or a live folder.</summary>
    public bool IsLiveFolder(Guid folderId) => folderId == RootId || (Find(folderId) is { IsFolder: true } folder && IsLive(folder));

    public bool IsLive(WorkspaceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.BinnedAt is null && Above(item.ParentId).All(f => f.BinnedAt is null);
    }

    /// <summary>The folder itself and every folder above it, up to (not including) the root.</summary>
    public IEnumerable<WorkspaceItem> Above(Guid folderId)
    {
        var seen = new HashSet<Guid>();
        for (var current = Find(folderId); current is not null && seen.Add(current.Id); current = Find(current.ParentId))
            yield return current;
    }

    /// <summary>The root is at depth 0, a folder at the top at 1.</summary>
    public int Depth(Guid folderId) => Above(folderId).Count();

    public bool InDropBox(Guid folderId) => Above(folderId).Any(f => f.DropBox);

    public IReadOnlyCollection<Guid> SharedWith(Guid folderId) => [.. Above(folderId).SelectMany(f => f.SharedWith).Distinct()];

    /// <summary>What the viewer may do in a folder (or the root).</summary>
    public WorkspaceAccess AccessIn(WorkspaceViewer viewer, Guid folderId) =>
        WorkspaceScopes.AccessTo(viewer, Scope, InDropBox(folderId), SharedWith(folderId));

    /// <summary>Whether the viewer sees this item: readers see everything live; in a drop box, a student sees only their own files.</summary>
    public bool Sees(WorkspaceViewer viewer, WorkspaceItem item)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(item);
        var access = AccessIn(viewer, item.ParentId);
        return access is WorkspaceAccess.Read or WorkspaceAccess.Write || (access == WorkspaceAccess.Drop && item.CreatedBy == viewer.PersonId);
    }

    /// <summary>Live items directly in a folder.</summary>
    public IEnumerable<WorkspaceItem> Children(Guid folderId) => _items.Values.Where(i => i.ParentId == folderId && i.BinnedAt is null);

    /// <summary>The folder and every live item below it.</summary>
    public IEnumerable<WorkspaceItem> Below(Guid folderId)
    {
        foreach (var child in Children(folderId))
        {
            yield return child;
            if (child.IsFolder)
            {
                foreach (var deeper in Below(child.Id))
                    yield return deeper;
            }
        }
    }

    /// <summary>How many folder levels a folder holds below itself (0 when none).</summary>
    public int Height(Guid folderId) =>
        Children(folderId).Where(c => c.IsFolder).Select(c => 1 + Height(c.Id)).DefaultIfEmpty(0).Max();

    /// <summary>Bytes taken by the live files, each stored content (uploader and hash) counted once however often it is placed.</summary>
    public long UsedBytes => LiveContents.Sum(c => c.Size);

    /// <summary>Whether this uploader's bytes of this hash are already counted here.</summary>
    public bool Holds(Guid uploaderId, string sha256) => LiveContents.Any(c => c.Owner == uploaderId && c.Sha256 == sha256);

    private IEnumerable<(Guid Owner, string Sha256, long Size)> LiveContents =>
        _items.Values.Where(i => i.File is not null && IsLive(i)).Select(i => (i.CreatedBy, i.File!.Sha256, i.File.Size)).Distinct();
}
