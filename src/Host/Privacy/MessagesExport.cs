using Marten;
using MonBureau.Projections.Messaging;

namespace MonBureau.Host.Privacy;

/// <summary>
/// The conversations a person wrote in or received, with only the messages they were party to (what their inbox
/// shows them, and also threads they deleted for themself): another person's confidential thread never appears, and
/// a body whose author was forgotten (crypto-shredded) is left out rather than shown empty.
/// </summary>
public static class MessagesExport
{
    public static async Task<(object Data, int Threads, int Messages)> GatherAsync(IQuerySession session, Guid personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var threads = await session.Query<MessageThreadView>()
            .Where(t => t.VisibleTo.Contains(personId) || t.DeletedFor.Contains(personId))
            .OrderBy(t => t.LastActivityAt)
            .ToListAsync(cancellationToken);
        var exported = threads
            .Select(t => new
            {
                t.Id,
                subject = t.Subject.Value,
                t.AuthorId,
                t.Confidential,
                archived = t.ArchivedBy.Contains(personId),
                deletedForThem = t.DeletedFor.Contains(personId),
                messages = t.MessagesFor(personId).Where(m => m.Body.Value is not null).Select(m => new
                {
                    m.Id, m.AuthorId, m.AuthorRole, body = m.Body.Value, m.PostedAt, m.DeliveredAt, m.RecalledAt, m.Urgent,
                    readAt = m.Recipients.FirstOrDefault(r => r.PersonId == personId)?.ReadAt,
                    attachments = m.Attachments.Select(f => new { f.FileId, name = f.Name.Value, f.ContentType, f.Size }),
                }).ToList(),
            })
            .ToList();
        return (exported, exported.Count, exported.Sum(t => t.messages.Count));
    }
}
