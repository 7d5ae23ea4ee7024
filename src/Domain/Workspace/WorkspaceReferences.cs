using MonBureau.Domain.Common;
using MonBureau.Domain.Files;

namespace MonBureau.Domain.Workspace;

/// <summary>
/// A workspace file named from a homework, a message or a resource: the record gets the file's stored content
/// (<see cref="AttachedFile"/>), not a copy, and its readers open it under that record's rule (ADR 0031).
/// </summary>
public static class WorkspaceReferences
{
    /// <param name="entryIds">The workspace files named (their ids in the workspace, not their content's).</param>
    /// <param name="trees">The trees those files are in, as stored.</param>
    public static IReadOnlyList<AttachedFile> Resolve(IReadOnlyList<Guid>? entryIds, WorkspaceViewer viewer, IReadOnlyCollection<WorkspaceTree> trees, int max)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(trees);
        var ids = (entryIds ?? []).Distinct().ToList();
        if (ids.Count > max)
            throw BusinessRuleException.Invalid($"Name at most {max} workspace files.");
        return [.. ids.Select(id =>
        {
            // Someone else's file, a folder, a file in the bin or another student's drop: all read as missing.
            var found = trees.Select(t => (Tree: t, Item: t.Find(id))).FirstOrDefault(f => f.Item is { File: not null });
            return found.Item is { File: { } file } item && found.Tree.IsLive(item) && found.Tree.Sees(viewer, item)
                ? file
                : throw BusinessRuleException.NotFound($"Workspace file {id}");
        })];
    }
}
