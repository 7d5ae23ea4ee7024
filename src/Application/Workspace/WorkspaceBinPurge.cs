using Marten;
using MonBureau.Application.Files;
using MonBureau.Domain.Workspace;

namespace MonBureau.Application.Workspace;

/// <summary>
/// Empties the bin (corbeille): what was binned more than <see cref="WorkspaceDecisions.BinDays"/> days ago can no
/// longer be restored, so it leaves for good with everything under it (<see cref="WorkspaceItemPurged"/>), and its stored
/// content is deleted unless another workspace item, a homework or a message still names it (ADR 0031).
/// </summary>
internal static class WorkspaceBinPurge
{
    public static async Task<IReadOnlyList<Guid?>> RunAsync(IDocumentSession session, TimeProvider clock, bool dryRun, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cutoff = now.AddDays(-WorkspaceDecisions.BinDays);
        var expired = await session.Query<WorkspaceItem>().Where(i => i.BinnedAt != null && i.BinnedAt < cutoff).ToListAsync(cancellationToken);
        var due = new List<WorkspaceItem>();
        foreach (var scope in expired.Select(i => i.Scope).DistinctBy(s => (s.Kind, s.Id)))
            due.AddRange(WorkspaceBin.Due(await WorkspaceLoading.TreeAsync(session, scope, cancellationToken), now));
        Guid?[] establishments = [.. due.Select(i => (Guid?)i.EstablishmentId)];
        if (dryRun || due.Count == 0)
            return establishments;

        foreach (var item in due)
            session.Events.Append(item.Id, new WorkspaceItemPurged(item.Id, item.EstablishmentId, now));
        var contents = due.Where(i => i.File is not null).Select(i => i.File!.FileId).Distinct().ToArray();
        var namedElsewhere = await NamedByRecordsAsync(session, contents, cancellationToken);
        FileStore.Delete(session, [.. contents.Except(namedElsewhere)], leaving: [.. due.Select(i => i.Id)]);
        return establishments;
    }

    /// <summary>The contents a homework handed out or a live message thread still names: they are shared, not copies.</summary>
    private static async Task<IReadOnlyList<Guid>> NamedByRecordsAsync(IDocumentSession session, Guid[] fileIds, CancellationToken cancellationToken)
    {
        if (fileIds.Length == 0)
            return [];
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        return await session.QueryAsync<Guid>(
            $"""
            SELECT f FROM unnest(?::uuid[]) AS f
            WHERE EXISTS (SELECT 1 FROM {schema}.mt_doc_homeworkdetails h WHERE h.data -> 'Documents' @> jsonb_build_array(jsonb_build_object('FileId', f::text)))
               OR EXISTS (SELECT 1 FROM {schema}.mt_doc_messagethread t
                          WHERE coalesce((t.data ->> 'Purged')::boolean, false) = false AND t.data -> 'FileIds' @> jsonb_build_array(f::text))
            """,
            cancellationToken, fileIds);
    }
}
