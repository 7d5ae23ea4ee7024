using MonBureau.Domain.Common;
using MonBureau.Domain.Files;

namespace MonBureau.Domain.Workspace;

/// <summary>A folder (dossier) in a tree; its name is its creator's text, sealed under their key. A drop box (dépôt) receives students' work.</summary>
public sealed record WorkspaceFolderCreated(
    Guid FolderId, Guid EstablishmentId, WorkspaceScope Scope, Guid ParentId, PersonalData Name, bool DropBox, Guid CreatedBy, DateTimeOffset CreatedAt)
    : IEstablishmentScoped;

/// <summary>
/// A file put in a folder. <c>File.FileId</c> is the stored content (ADR 0031): when the uploader had already stored the
/// same bytes, it names that content again (<c>Deduplicated</c>) and nothing new was stored.
/// </summary>
public sealed record WorkspaceFilePlaced(
    Guid EntryId, Guid EstablishmentId, WorkspaceScope Scope, Guid FolderId, AttachedFile File, bool Deduplicated, Guid PlacedBy, DateTimeOffset PlacedAt)
    : IEstablishmentScoped;

public sealed record WorkspaceItemRenamed(Guid ItemId, Guid EstablishmentId, PersonalData Name, Guid RenamedBy, DateTimeOffset RenamedAt) : IEstablishmentScoped;

public sealed record WorkspaceItemMoved(Guid ItemId, Guid EstablishmentId, Guid ParentId, Guid MovedBy, DateTimeOffset MovedAt) : IEstablishmentScoped;

/// <summary>Put in the bin (corbeille): out of its folder and of the quota, restorable for <see cref="WorkspaceDecisions.BinDays"/> days.</summary>
public sealed record WorkspaceItemBinned(Guid ItemId, Guid EstablishmentId, Guid BinnedBy, DateTimeOffset BinnedAt) : IEstablishmentScoped;

/// <summary>Back from the bin, in <c>ParentId</c>: its old folder, or the top of the tree when that folder is gone.</summary>
public sealed record WorkspaceItemRestored(Guid ItemId, Guid EstablishmentId, Guid ParentId, Guid RestoredBy, DateTimeOffset RestoredAt) : IEstablishmentScoped;

/// <summary>The people of the establishment who may read this personal folder and what it holds (replaces the earlier list).</summary>
public sealed record WorkspaceFolderShared(Guid FolderId, Guid EstablishmentId, IReadOnlyList<Guid> ReaderIds, Guid SharedBy, DateTimeOffset SharedAt) : IEstablishmentScoped;

/// <summary>Removed for good by the retention purge, past the bin's restore window; only ids and the date stay.</summary>
public sealed record WorkspaceItemPurged(Guid ItemId, Guid EstablishmentId, DateTimeOffset PurgedAt) : IEstablishmentScoped;
