using MonBureau.Domain.Common;
using MonBureau.Domain.Files;

namespace MonBureau.Domain.Workspace;

/// <summary>A folder in <c>ParentId</c> (a folder, or a tree's root id). A drop box is for a class or group tree.</summary>
public sealed record CreateWorkspaceFolder(Guid ParentId, string Name, bool DropBox = false) : Redacted;

public sealed record UploadWorkspaceFile(Guid FolderId, UploadedFile File) : Redacted;

public sealed record RenameWorkspaceItem(Guid ItemId, string Name) : Redacted;

public sealed record MoveWorkspaceItem(Guid ItemId, Guid ParentId);

public sealed record BinWorkspaceItem(Guid ItemId);

public sealed record RestoreWorkspaceItem(Guid ItemId);

/// <summary>Shares one of the signed-in person's folders, read-only, with people of their establishment; an empty list stops sharing.</summary>
public sealed record ShareWorkspaceFolder(Guid FolderId, IReadOnlyList<Guid> PersonIds);

/// <summary>One folder per subject taught in the class, at the top of the class's tree (« un dossier par matière »).</summary>
public sealed record CreateSubjectFolders(Guid ClassId);
