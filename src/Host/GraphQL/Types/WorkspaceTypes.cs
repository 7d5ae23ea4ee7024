using GraphQL.Types;
using MonBureau.Domain.Workspace;
using MonBureau.Host.GraphQL.Paging;

namespace MonBureau.Host.GraphQL.Types;

/// <summary>One tree as one person sees it, with its quota.</summary>
public sealed record WorkspaceView(WorkspaceTree Tree, WorkspaceViewer Viewer, long LimitBytes)
{
    public WorkspaceFolderNode Root => new(Tree, Viewer, Tree.RootId, null);
}

/// <summary>A folder (or a tree's root, <c>Item</c> null) as one person sees it.</summary>
public sealed record WorkspaceFolderNode(WorkspaceTree Tree, WorkspaceViewer Viewer, Guid Id, WorkspaceItem? Item)
{
    /// <summary>What the folder shows this person, in name order: folders, or files (a student in a drop box sees only theirs).</summary>
    public IReadOnlyList<WorkspaceItem> Children(bool folders) =>
        [.. Tree.Children(Id).Where(i => i.IsFolder == folders && Tree.Sees(Viewer, i)).OrderBy(i => i.Name.Value, StringComparer.OrdinalIgnoreCase).ThenBy(i => i.Id)];
}

public sealed class WorkspaceScopeKindType : EnumerationGraphType<WorkspaceScopeKind>
{
    public WorkspaceScopeKindType()
    {
        Name = "WorkspaceScopeKind";
        Description = "Whose folders: a person's own, a class's, a group's, a subject team's (équipe disciplinaire) or an interdisciplinary project's.";
    }
}

public sealed class WorkspaceAccessType : EnumerationGraphType<WorkspaceAccess>
{
    public WorkspaceAccessType()
    {
        Name = "WorkspaceAccess";
        Description = "What the signed-in person may do in a folder: nothing, drop files only they and the teachers see (drop box), read, or read and write.";
    }
}

public sealed class WorkspaceType : ObjectGraphType<WorkspaceView>
{
    public WorkspaceType()
    {
        Name = "Workspace";
        Description = "A tree of folders (espace de travail): the signed-in person's own, or one shared by a class, a group or a subject team.";
        Field<NonNullGraphType<WorkspaceScopeKindType>, WorkspaceScopeKind>("kind").Description("Whose folders these are.").Resolve(ctx => ctx.Source.Tree.Scope.Kind);
        Field<NonNullGraphType<IdGraphType>, Guid>("ownerId").Description("The person, class or group it belongs to; for a subject team, an id derived from the subject.").Resolve(ctx => ctx.Source.Tree.Scope.Id);
        Field<StringGraphType, string?>("subject").Description("The subject of a subject team's folders; null otherwise.").Resolve(ctx => ctx.Source.Tree.Scope.Subject);
        Field<NonNullGraphType<WorkspaceFolderType>, WorkspaceFolderNode>("root").Description("The top folder: create folders and upload files into its id.").Resolve(ctx => ctx.Source.Root);
        Field<NonNullGraphType<LongGraphType>, long>("usedBytes").Description("Space taken by the files outside the bin; the same content placed twice by one person counts once.").Resolve(ctx => ctx.Source.Tree.UsedBytes);
        Field<NonNullGraphType<LongGraphType>, long>("limitBytes").Description("The quota: an upload beyond it is refused with QUOTA_EXCEEDED.").Resolve(ctx => ctx.Source.LimitBytes);
        this.Connection<WorkspaceBinItemType, WorkspaceItem, WorkspaceView>("bin")
            .Description("What the signed-in person may restore from the bin (corbeille), latest first: items stay there 30 days.")
            .Resolve(ctx =>
            {
                var (tree, viewer) = (ctx.Source.Tree, ctx.Source.Viewer);
                var from = ctx.Service<TimeProvider>().GetUtcNow().AddDays(-WorkspaceDecisions.BinDays);
                return tree.Items.Where(i => i.BinnedAt >= from && WorkspaceDecisions.MayChange(viewer, tree, i))
                    .OrderByDescending(i => i.BinnedAt).ThenBy(i => i.Id).ToList().ToConnection(ctx);
            });
    }
}

public sealed class WorkspaceFolderType : ObjectGraphType<WorkspaceFolderNode>
{
    public WorkspaceFolderType()
    {
        Name = "WorkspaceFolder";
        Description = "A folder (dossier) of a workspace, or its top folder, with what it holds as the signed-in person may see it.";
        Field<NonNullGraphType<IdGraphType>, Guid>("id").Description("Stable identifier; a tree's top folder has an id derived from the tree.").Resolve(ctx => ctx.Source.Id);
        Field<NonNullGraphType<BooleanGraphType>, bool>("isRoot").Description("Whether this is the tree's top folder.").Resolve(ctx => ctx.Source.Item is null);
        Field<StringGraphType, string?>("name").Description("Name; null for the top folder, and once its author's data has been erased.").Resolve(ctx => ctx.Source.Item?.Name.Value);
        Field<IdGraphType, Guid?>("parentId").Description("The folder it is in; null for the top folder.").Resolve(ctx => ctx.Source.Item?.ParentId);
        Field<NonNullGraphType<WorkspaceScopeKindType>, WorkspaceScopeKind>("kind").Description("Whose folders it is among.").Resolve(ctx => ctx.Source.Tree.Scope.Kind);
        Field<NonNullGraphType<IdGraphType>, Guid>("ownerId").Description("The person, class or group the tree belongs to.").Resolve(ctx => ctx.Source.Tree.Scope.Id);
        Field<NonNullGraphType<BooleanGraphType>, bool>("dropBox").Description("Whether it is (or is in) a drop box (dépôt): students drop files there that only they and the teachers see.").Resolve(ctx => ctx.Source.Tree.InDropBox(ctx.Source.Id));
        Field<NonNullGraphType<WorkspaceAccessType>, WorkspaceAccess>("access").Description("What the signed-in person may do here.").Resolve(ctx => ctx.Source.Tree.AccessIn(ctx.Source.Viewer, ctx.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>, IReadOnlyList<Guid>>("sharedWith")
            .Description("People the owner shared this personal folder with, read-only (for its owner; empty for others and for shared trees).")
            .Resolve(ctx => ctx.Source.Viewer.PersonId == ctx.Source.Tree.Scope.Id ? ctx.Source.Item?.SharedWith ?? [] : []);
        Field<DateTimeOffsetGraphType, DateTimeOffset?>("createdAt").Description("When it was created; null for the top folder.").Resolve(ctx => ctx.Source.Item?.CreatedAt);
        this.Connection<WorkspaceFolderType, WorkspaceFolderNode, WorkspaceFolderNode>("folders")
            .Description("Its subfolders, by name.")
            .Resolve(ctx => ctx.Source.Children(folders: true).Select(i => ctx.Source with { Id = i.Id, Item = i }).ToList().ToConnection(ctx));
        this.Connection<WorkspaceFileType, WorkspaceItem, WorkspaceFolderNode>("files")
            .Description("Its files, by name; in a drop box a student sees only the files they dropped.")
            .Resolve(ctx => ctx.Source.Children(folders: false).ToConnection(ctx));
    }
}

public sealed class WorkspaceFileType : ObjectGraphType<WorkspaceItem>
{
    public WorkspaceFileType()
    {
        Name = "WorkspaceFile";
        Description = "A file in a workspace folder. Its content is stored once per uploader (ADR 0031); name it from a homework with workspaceFileIds, open it with the file query.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The file's id in the workspace (what workspaceFileIds names).");
        this.PersonalField("name", f => f.Name, "File name.");
        Field<NonNullGraphType<IdGraphType>, Guid>("folderId").Description("The folder it is in.").Resolve(ctx => ctx.Source.ParentId);
        Field<NonNullGraphType<AttachedFileType>, Domain.Files.AttachedFile>("file").Description("The stored content: its fileId opens it with the file query.").Resolve(ctx => ctx.Source.File!);
        Field<NonNullGraphType<IdGraphType>, Guid>("placedBy").Description("Who uploaded it.").Resolve(ctx => ctx.Source.CreatedBy);
        Field<NonNullGraphType<DateTimeOffsetGraphType>, DateTimeOffset>("placedAt").Description("When it was uploaded.").Resolve(ctx => ctx.Source.CreatedAt);
    }
}

public sealed class WorkspaceBinItemType : ObjectGraphType<WorkspaceItem>
{
    public WorkspaceBinItemType()
    {
        Name = "WorkspaceBinItem";
        Description = "A folder or file in the bin (corbeille), restorable with restoreWorkspaceItem until restorableUntil.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The item.");
        this.PersonalField("name", f => f.Name, "Name.");
        Field(x => x.IsFolder).Description("Whether it is a folder (restored with what it holds).");
        Field<NonNullGraphType<DateTimeOffsetGraphType>, DateTimeOffset>("binnedAt").Description("When it was put in the bin.").Resolve(ctx => ctx.Source.BinnedAt!.Value);
        Field<NonNullGraphType<DateTimeOffsetGraphType>, DateTimeOffset>("restorableUntil").Description("After this, it can no longer be restored.").Resolve(ctx => ctx.Source.BinnedAt!.Value.AddDays(WorkspaceDecisions.BinDays));
    }
}

public sealed class CreateWorkspaceFolderInputType : InputObjectGraphType<CreateWorkspaceFolder>
{
    public CreateWorkspaceFolderInputType()
    {
        Name = "CreateWorkspaceFolderInput";
        Description = "A new folder.";
        Field(x => x.ParentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The folder to create it in (a tree's root id for the top).");
        Field(x => x.Name).Description("Its name, at most 100 characters, unique among its neighbours (ignoring case).");
        Field(x => x.DropBox, nullable: true).Description("Make it a drop box (dépôt): students of the class or group drop files there that only they and the teachers see. Default false.");
    }
}

/// <summary>An upload into a folder, as sent.</summary>
public sealed record UploadWorkspaceFileInput(Guid FolderId, FileUploadInput File);

public sealed class UploadWorkspaceFileInputType : InputObjectGraphType<UploadWorkspaceFileInput>
{
    public UploadWorkspaceFileInputType()
    {
        Name = "UploadWorkspaceFileInput";
        Description = "A file to put in a folder.";
        Field(x => x.FolderId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The folder (a tree's root id for the top).");
        Field(x => x.File, type: typeof(NonNullGraphType<FileUploadInputType>)).Description("The file: at most 2 MiB, of an accepted type checked from its bytes.");
    }
}

public sealed class RenameWorkspaceItemInputType : InputObjectGraphType<RenameWorkspaceItem>
{
    public RenameWorkspaceItemInputType()
    {
        Name = "RenameWorkspaceItemInput";
        Description = "A new name for a folder or a file.";
        Field(x => x.ItemId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The folder or file.");
        Field(x => x.Name).Description("The new name, at most 100 characters.");
    }
}

public sealed class MoveWorkspaceItemInputType : InputObjectGraphType<MoveWorkspaceItem>
{
    public MoveWorkspaceItemInputType()
    {
        Name = "MoveWorkspaceItemInput";
        Description = "Moves a folder (with what it holds) or a file to another folder of the same tree.";
        Field(x => x.ItemId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The folder or file.");
        Field(x => x.ParentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The folder to move it into (the tree's root id for the top).");
    }
}

public sealed class WorkspaceItemInputType : InputObjectGraphType<BinWorkspaceItem>
{
    public WorkspaceItemInputType()
    {
        Name = "WorkspaceItemInput";
        Description = "A folder or a file of a workspace.";
        Field(x => x.ItemId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The folder or file.");
    }
}

public sealed class ShareWorkspaceFolderInputType : InputObjectGraphType<ShareWorkspaceFolder>
{
    public ShareWorkspaceFolderInputType()
    {
        Name = "ShareWorkspaceFolderInput";
        Description = "Who may read one of your personal folders (and what it holds); the list replaces the earlier one, empty stops sharing.";
        Field(x => x.FolderId, type: typeof(NonNullGraphType<IdGraphType>)).Description("One of your personal folders.");
        Field(x => x.PersonIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>)).Description("People of your establishment, at most 50.");
    }
}

public sealed class CreateSubjectFoldersInputType : InputObjectGraphType<CreateSubjectFolders>
{
    public CreateSubjectFoldersInputType()
    {
        Name = "CreateSubjectFoldersInput";
        Description = "One folder per subject taught in a class you teach.";
        Field(x => x.ClassId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The class.");
    }
}
