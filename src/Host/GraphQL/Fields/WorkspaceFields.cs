using GraphQL;
using GraphQL.Types;
using Marten;
using MonBureau.Application;
using MonBureau.Application.Workspace;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.People;
using MonBureau.Domain.Workspace;
using MonBureau.Host.Authorization;
using MonBureau.Host.GraphQL.Paging;
using MonBureau.Host.GraphQL.Types;
using Wolverine;

namespace MonBureau.Host.GraphQL.Fields;

/// <summary>
/// The workspace (espace de travail, porte-documents; ADR 0031): personal and shared trees of folders and files.
/// Every read and change applies the tree's rule (<see cref="WorkspaceScopes.AccessTo"/>) to the signed-in profile;
/// what someone may not see is NOT_FOUND. Reading a folder another person shared is recorded in their access history.
/// </summary>
internal static class WorkspaceFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<WorkspaceType>, WorkspaceView>("myWorkspace")
            .Description("The signed-in person's own folders (porte-documents), with the space used and the quota.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                var viewer = await WorkspaceLoading.ViewerAsync(session, ctx.Actor(), ctx.CancellationToken);
                return await ViewAsync(ctx, session, viewer, viewer.PersonalScope);
            });

        query.Connection<WorkspaceType, WorkspaceView>("sharedWorkspaces")
            .Description("The shared folders of the signed-in person's classes, groups and subject teams: written by their teachers, read by their students.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                var viewer = await WorkspaceLoading.ViewerAsync(session, ctx.Actor(), ctx.CancellationToken);
                var views = new List<WorkspaceView>();
                foreach (var scope in viewer.Trees.Skip(1))
                    views.Add(await ViewAsync(ctx, session, viewer, scope));
                return views.ToConnection(ctx);
            });

        query.Field<NonNullGraphType<WorkspaceFolderType>, WorkspaceFolderNode>("folder")
            .Description("A workspace folder (or a tree's top folder) with its subfolders and files, for whoever may read it; a personal folder read by someone it was shared with is recorded in its owner's access history.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The folder.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                return await FolderAsync(ctx, session, ctx.GetArgument<Guid>("id"));
            });

        query.Connection<WorkspaceFolderType, WorkspaceFolderNode>("foldersSharedWithMe")
            .Description("Personal folders other people of the establishment shared with the signed-in person, read-only.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                var viewer = await WorkspaceLoading.ViewerAsync(session, ctx.Actor(), ctx.CancellationToken);
                var me = viewer.PersonId;
                var shared = await session.Query<WorkspaceItem>()
                    .Where(i => i.IsFolder && i.SharedWith.Contains(me) && i.BinnedAt == null)
                    .Take(PageRequest.MaxSize * 2)
                    .ToListAsync(ctx.CancellationToken);
                var nodes = new List<WorkspaceFolderNode>();
                foreach (var folder in shared.OrderBy(f => f.CreatedAt).ThenBy(f => f.Id))
                {
                    var tree = await WorkspaceLoading.TreeAsync(session, folder.Scope, ctx.CancellationToken);
                    if (tree.Find(folder.Id) is { } item && tree.IsLive(item) && tree.AccessIn(viewer, item.Id) == WorkspaceAccess.Read)
                        nodes.Add(new WorkspaceFolderNode(tree, viewer, item.Id, item));
                }

                return nodes.ToConnection(ctx);
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<WorkspaceFolderType>, WorkspaceFolderNode>("createWorkspaceFolder")
            .Description("Creates a folder where the signed-in person may write: their own folders, or a class's, group's or subject team's they teach; at most 8 levels deep.")
            .Argument<NonNullGraphType<CreateWorkspaceFolderInputType>>("input")
            .Authorize()
            .ResolveAsync(async ctx => await RunAndReadFolderAsync(ctx, ctx.GetArgument<CreateWorkspaceFolder>("input")));

        mutation.Field<NonNullGraphType<WorkspaceFileType>, WorkspaceItem>("uploadWorkspaceFile")
            .Description("Puts a file in a folder (base64, at most 2 MiB, type checked from the bytes). Bytes the uploader already stored are not stored again and count once; beyond the quota it is refused with QUOTA_EXCEEDED and nothing is stored.")
            .Argument<NonNullGraphType<UploadWorkspaceFileInputType>>("input")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<UploadWorkspaceFileInput>("input");
                return await RunAndReadFileAsync(ctx, new UploadWorkspaceFile(input.FolderId, input.File.ToUpload()));
            });

        mutation.Field<NonNullGraphType<WorkspaceFolderType>, WorkspaceFolderNode>("renameWorkspaceFolder")
            .Description("Renames a folder where the signed-in person may write.")
            .Argument<NonNullGraphType<RenameWorkspaceItemInputType>>("input")
            .Authorize()
            .ResolveAsync(async ctx => await RunAndReadFolderAsync(ctx, await OfKindAsync(ctx, ctx.GetArgument<RenameWorkspaceItem>("input"), c => c.ItemId, folder: true)));

        mutation.Field<NonNullGraphType<WorkspaceFileType>, WorkspaceItem>("renameWorkspaceFile")
            .Description("Renames a file where the signed-in person may write (a student: a file they dropped).")
            .Argument<NonNullGraphType<RenameWorkspaceItemInputType>>("input")
            .Authorize()
            .ResolveAsync(async ctx => await RunAndReadFileAsync(ctx, await OfKindAsync(ctx, ctx.GetArgument<RenameWorkspaceItem>("input"), c => c.ItemId, folder: false)));

        mutation.Field<NonNullGraphType<WorkspaceFolderType>, WorkspaceFolderNode>("moveWorkspaceFolder")
            .Description("Moves a folder, with what it holds, to another folder of the same tree.")
            .Argument<NonNullGraphType<MoveWorkspaceItemInputType>>("input")
            .Authorize()
            .ResolveAsync(async ctx => await RunAndReadFolderAsync(ctx, await OfKindAsync(ctx, ctx.GetArgument<MoveWorkspaceItem>("input"), c => c.ItemId, folder: true)));

        mutation.Field<NonNullGraphType<WorkspaceFileType>, WorkspaceItem>("moveWorkspaceFile")
            .Description("Moves a file to another folder of the same tree.")
            .Argument<NonNullGraphType<MoveWorkspaceItemInputType>>("input")
            .Authorize()
            .ResolveAsync(async ctx => await RunAndReadFileAsync(ctx, await OfKindAsync(ctx, ctx.GetArgument<MoveWorkspaceItem>("input"), c => c.ItemId, folder: false)));

        mutation.Field<NonNullGraphType<BooleanGraphType>, bool>("binWorkspaceItem")
            .Description("Deletes a folder (with what it holds) or a file into the bin (corbeille): it leaves its folder and the quota, and can be restored for 30 days. Homework, messages and resources that name a file keep opening it.")
            .Argument<NonNullGraphType<WorkspaceItemInputType>>("input")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                await ctx.Service<IMessageBus>().RunAsync<Guid>(ctx.GetArgument<BinWorkspaceItem>("input"), ctx.CancellationToken);
                return true;
            });

        mutation.Field<NonNullGraphType<BooleanGraphType>, bool>("restoreWorkspaceItem")
            .Description("Takes a folder or file out of the bin, within 30 days, back into its folder (or the top when that folder is gone); the quota applies again.")
            .Argument<NonNullGraphType<WorkspaceItemInputType>>("input")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                await ctx.Service<IMessageBus>().RunAsync<Guid>(new RestoreWorkspaceItem(ctx.GetArgument<BinWorkspaceItem>("input").ItemId), ctx.CancellationToken);
                return true;
            });

        mutation.Field<NonNullGraphType<WorkspaceFolderType>, WorkspaceFolderNode>("shareWorkspaceFolder")
            .Description("Shares one of the signed-in person's own folders, read-only, with people of their establishment (the list replaces the earlier one; empty stops sharing). Their reads are recorded in the owner's access history.")
            .Argument<NonNullGraphType<ShareWorkspaceFolderInputType>>("input")
            .Authorize()
            .ResolveAsync(async ctx => await RunAndReadFolderAsync(ctx, ctx.GetArgument<ShareWorkspaceFolder>("input")));

        mutation.Field<NonNullGraphType<WorkspaceFolderType>, WorkspaceFolderNode>("createSubjectFolders")
            .Description("Creates, at the top of a class's shared folders, one folder per subject taught in the class (« Mathématiques », …), skipping those that exist: running it again changes nothing. For the class's teachers.")
            .Argument<NonNullGraphType<CreateSubjectFoldersInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Teacher))
            .ResolveAsync(async ctx => await RunAndReadFolderAsync(ctx, ctx.GetArgument<CreateSubjectFolders>("input")));
    }

    /// <summary>
    /// Whether the file is in a workspace folder the signed-in person sees; opening another person's file from their
    /// personal folders or from a drop box is recorded in that person's access history.
    /// </summary>
    internal static async Task<bool> MayOpenFileAsync(IResolveFieldContext ctx, IQuerySession session, Guid fileId)
    {
        var items = await session.Query<WorkspaceItem>().Where(i => !i.IsFolder && i.File!.FileId == fileId).Take(50).ToListAsync(ctx.CancellationToken);
        if (items.Count == 0)
            return false;
        var viewer = await WorkspaceLoading.ViewerAsync(session, ctx.Actor(), ctx.CancellationToken);
        foreach (var item in items)
        {
            var tree = await WorkspaceLoading.TreeAsync(session, item.Scope, ctx.CancellationToken);
            if (!tree.IsLive(item) || !tree.Sees(viewer, item))
                continue;
            if (item.CreatedBy != viewer.PersonId && (tree.Scope.Kind == WorkspaceScopeKind.Personal || tree.InDropBox(item.ParentId)))
                await PersonAccess.RecordAsync(ctx, item.CreatedBy, DataCategory.Workspace);
            return true;
        }

        return false;
    }

    /// <summary>Whether the author of a resource may read a workspace file with this content: a resource opens only what its author could.</summary>
    internal static async Task<bool> AuthorMayReadAsync(IQuerySession session, Guid authorId, Guid establishmentId, Guid fileId, CancellationToken cancellationToken)
    {
        var items = await session.Query<WorkspaceItem>().Where(i => !i.IsFolder && i.File!.FileId == fileId).Take(50).ToListAsync(cancellationToken);
        var author = await WorkspaceLoading.ViewerAsync(session, new Application.Auditing.Actor(authorId, Role.Teacher, establishmentId), cancellationToken);
        foreach (var item in items)
        {
            var tree = await WorkspaceLoading.TreeAsync(session, item.Scope, cancellationToken);
            if (tree.Sees(author, item))
                return true;
        }

        return false;
    }

    private static async Task<WorkspaceView> ViewAsync(IResolveFieldContext ctx, IQuerySession session, WorkspaceViewer viewer, WorkspaceScope scope)
    {
        var tree = await WorkspaceLoading.TreeAsync(session, scope, ctx.CancellationToken);
        var owner = scope.Kind == WorkspaceScopeKind.Personal ? await session.LoadAsync<Person>(scope.Id, ctx.CancellationToken) : null;
        return new WorkspaceView(tree, viewer, WorkspaceQuotas.LimitOf(scope, owner?.Profiles.Select(p => p.Role) ?? []));
    }

    private static async Task<WorkspaceFolderNode> FolderAsync(IResolveFieldContext ctx, IQuerySession session, Guid id)
    {
        var viewer = await WorkspaceLoading.ViewerAsync(session, ctx.Actor(), ctx.CancellationToken);
        var tree = await WorkspaceLoading.TreeOfAsync(session, viewer, id, ctx.CancellationToken);
        if (tree is null || !tree.IsLiveFolder(id) || tree.AccessIn(viewer, id) == WorkspaceAccess.None)
            throw BusinessRuleException.NotFound("Folder");
        if (tree.Scope.Kind == WorkspaceScopeKind.Personal && tree.Scope.Id != viewer.PersonId)
            await PersonAccess.RecordAsync(ctx, tree.Scope.Id, DataCategory.Workspace);
        return new WorkspaceFolderNode(tree, viewer, id, tree.Find(id));
    }

    private static async Task<WorkspaceFolderNode> RunAndReadFolderAsync(IResolveFieldContext ctx, object command)
    {
        var id = await ctx.Service<IMessageBus>().RunAsync<Guid>(command, ctx.CancellationToken);
        await using var session = ctx.OpenQuerySession();
        return await FolderAsync(ctx, session, id);
    }

    private static async Task<WorkspaceItem> RunAndReadFileAsync(IResolveFieldContext ctx, object command)
    {
        var id = await ctx.Service<IMessageBus>().RunAsync<Guid>(command, ctx.CancellationToken);
        await using var session = ctx.OpenQuerySession();
        return await session.LoadAsync<WorkspaceItem>(id, ctx.CancellationToken) ?? throw BusinessRuleException.NotFound("File");
    }

    /// <summary>A folder's mutation given a file (or the reverse) reads as missing, like any item the caller does not see.</summary>
    private static async Task<T> OfKindAsync<T>(IResolveFieldContext ctx, T command, Func<T, Guid> itemId, bool folder)
    {
        await using var session = ctx.OpenQuerySession();
        var item = await session.LoadAsync<WorkspaceItem>(itemId(command), ctx.CancellationToken);
        return item is not null && item.IsFolder == folder ? command : throw BusinessRuleException.NotFound(folder ? "Folder" : "File");
    }
}
