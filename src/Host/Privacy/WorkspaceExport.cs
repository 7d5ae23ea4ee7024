using Marten;
using MonBureau.Domain.Workspace;

namespace MonBureau.Host.Privacy;

/// <summary>
/// The person's workspace: their own folders and files, and what they put in shared folders (a student's drops, a
/// teacher's documents). Names and facts, like message attachments: the contents stay in the file store, opened
/// with the file query; items in the bin are listed with the date they were binned.
/// </summary>
public static class WorkspaceExport
{
    public static async Task<(object Data, int Folders, int Files)> GatherAsync(IQuerySession session, Guid personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var items = await session.Query<WorkspaceItem>()
            .Where(i => i.Scope.Id == personId || i.CreatedBy == personId)
            .OrderBy(i => i.CreatedAt)
            .ToListAsync(cancellationToken);
        var exported = items
            .Where(i => i.Name.Value is not null)
            .Select(i => new
            {
                i.Id,
                name = i.Name.Value,
                kind = i.IsFolder ? "folder" : "file",
                tree = new { i.Scope.Kind, i.Scope.Id, i.Scope.Subject },
                i.ParentId,
                i.DropBox,
                i.CreatedBy,
                i.CreatedAt,
                i.BinnedAt,
                i.SharedWith,
                file = i.File is { } f ? new { f.FileId, f.ContentType, f.Size, f.Sha256 } : null,
            })
            .ToList();
        return (exported, exported.Count(e => e.kind == "folder"), exported.Count(e => e.kind == "file"));
    }
}
