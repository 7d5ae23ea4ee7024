namespace MonBureau.Domain.Workspace;

/// <summary>
/// What the bin gives up for good: an item binned more than <see cref="WorkspaceDecisions.BinDays"/> days ago (no longer
/// restorable), with everything under it when it is a folder. Nothing else in the tree is kept for it any more.
/// </summary>
public static class WorkspaceBin
{
    public static IReadOnlyList<WorkspaceItem> Due(WorkspaceTree tree, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tree);
        // Above(id) starts with the item itself, then the folders holding it.
        return [.. tree.Items.Where(i => tree.Above(i.Id).Any(a => a.BinnedAt is { } binnedAt && binnedAt.AddDays(WorkspaceDecisions.BinDays) < now))];
    }
}
