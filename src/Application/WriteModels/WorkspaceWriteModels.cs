using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using MonBureau.Domain.Workspace;

namespace MonBureau.Application.WriteModels;

public partial class WorkspaceItemState : SingleStreamProjection<WorkspaceItem, Guid>
{
    public static WorkspaceItem Create(WorkspaceFolderCreated e) => WorkspaceItem.Create(e);

    public static WorkspaceItem Create(WorkspaceFilePlaced e) => WorkspaceItem.Create(e);

    public WorkspaceItem Apply(WorkspaceItemRenamed e, WorkspaceItem item) => item.Apply(e);

    public WorkspaceItem Apply(WorkspaceItemMoved e, WorkspaceItem item) => item.Apply(e);

    public WorkspaceItem Apply(WorkspaceItemBinned e, WorkspaceItem item) => item.Apply(e);

    public WorkspaceItem Apply(WorkspaceItemRestored e, WorkspaceItem item) => item.Apply(e);

    public WorkspaceItem Apply(WorkspaceFolderShared e, WorkspaceItem item) => item.Apply(e);

    public bool ShouldDelete(WorkspaceItemPurged e) => true;
}

public static class WorkspaceWriteModelsSetup
{
    /// <summary>Folders and files, read a tree at a time (by scope) and by stored content (deduplication, file opening).</summary>
    public static void AddWorkspaceWriteModels(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<WorkspaceItemState>(ProjectionLifecycle.Inline);
        options.Schema.For<WorkspaceItem>().Index(x => x.Scope.Id).Index(x => x.CreatedBy).GinIndexJsonData();
    }
}
