using MonBureau.Domain.Common;
using MonBureau.Domain.Files;

namespace MonBureau.Domain.Workspace;

/// <summary>A folder or a file of a tree as decisions see it; <c>ParentId</c> is a folder or the tree's root.</summary>
public sealed record WorkspaceItem(
    Guid Id, Guid EstablishmentId, WorkspaceScope Scope, Guid ParentId, bool IsFolder, PersonalData Name, bool DropBox, AttachedFile? File,
    Guid CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? BinnedAt, IReadOnlyList<Guid> SharedWith)
{
    public static WorkspaceItem Create(WorkspaceFolderCreated e) =>
        new(e.FolderId, e.EstablishmentId, e.Scope, e.ParentId, true, e.Name, e.DropBox, null, e.CreatedBy, e.CreatedAt, null, []);

    public static WorkspaceItem Create(WorkspaceFilePlaced e) =>
        new(e.EntryId, e.EstablishmentId, e.Scope, e.FolderId, false, e.File.Name, false, e.File, e.PlacedBy, e.PlacedAt, null, []);

    public WorkspaceItem Apply(WorkspaceItemRenamed e) => this with { Name = e.Name, File = File is null ? null : File with { Name = e.Name } };

    public WorkspaceItem Apply(WorkspaceItemMoved e) => this with { ParentId = e.ParentId };

    public WorkspaceItem Apply(WorkspaceItemBinned e) => this with { BinnedAt = e.BinnedAt };

    public WorkspaceItem Apply(WorkspaceItemRestored e) => this with { BinnedAt = null, ParentId = e.ParentId };

    public WorkspaceItem Apply(WorkspaceFolderShared e) => this with { SharedWith = e.ReaderIds };

    /// <summary>Whose key seals a file's content: its uploader's (ADR 0031); null for a folder.</summary>
    public Guid? ContentOwner => IsFolder ? null : CreatedBy;
}
