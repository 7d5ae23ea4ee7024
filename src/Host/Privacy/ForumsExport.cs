using Marten;
using MonBureau.Projections.Forums;

namespace MonBureau.Host.Privacy;

/// <summary>
/// The forum posts a person wrote (hidden ones too, with why), the topics they started, and the reports they made.
/// Reports made about their posts are not theirs: the reporter's identity stays with the moderators.
/// </summary>
public static class ForumsExport
{
    public static async Task<(object Data, int Posts, int Reports)> GatherAsync(IQuerySession session, Guid personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var written = await session.Query<PostView>().Where(p => p.AuthorId == personId).OrderBy(p => p.WrittenAt).ToListAsync(cancellationToken);
        var topics = await session.Query<TopicView>().Where(t => t.AuthorId == personId).OrderBy(t => t.StartedAt).ToListAsync(cancellationToken);
        var reported = await session.Query<PostView>().Where(p => p.Reports.Any(r => r.ReporterId == personId)).ToListAsync(cancellationToken);
        var reports = reported
            .SelectMany(p => p.Reports.Where(r => r.ReporterId == personId).Select(r => new { postId = p.Id, p.ForumId, r.Reason, r.ReportedAt, r.Open }))
            .OrderBy(r => r.ReportedAt)
            .ToList();
        var data = new
        {
            topics = topics.Select(t => new { t.Id, t.ForumId, title = t.Title.Value, t.StartedAt }),
            posts = written.Select(p => new { p.Id, p.ForumId, p.TopicId, body = p.Body?.Value, p.Status, p.HiddenReason, p.WrittenAt }),
            reports,
        };
        return (data, written.Count, reports.Count);
    }
}
