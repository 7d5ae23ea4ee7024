using Marten;
using MonBureau.Projections.Portfolios;

namespace MonBureau.Host.Privacy;

/// <summary>
/// A student's portfolios with every entry, the teachers asked and their feedback. In a guardian's bundle, a child's
/// portfolios are only those the child shares with them, as the API shows them.
/// </summary>
public static class PortfoliosExport
{
    public static async Task<(object Data, int Portfolios)> GatherAsync(IQuerySession session, Guid studentId, bool sharedOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var query = session.Query<PortfolioView>().Where(p => p.StudentId == studentId);
        if (sharedOnly)
            query = query.Where(p => p.SharedWithGuardians);
        var portfolios = await query.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        // Submission entries name the work by id: the work itself is in the schooling section.
        var data = portfolios.Select(p => new
        {
            p.Id, title = p.Title.Value, p.CreatedAt, p.SharedWithGuardians, p.SharedAt,
            entries = p.Entries.Select(e => new
            {
                e.Id, title = e.Title.Value, text = e.Text?.Value, e.SubmissionId, e.AddedAt, e.EditedAt,
                feedbackRequests = e.FeedbackRequests.Select(r => new { r.TeacherId, r.RequestedAt, r.AnsweredAt }),
                feedback = e.Feedback.Select(f => new { f.TeacherId, comment = f.Comment.Value, f.GivenAt }),
            }),
        }).ToList();
        return (data, data.Count);
    }
}
