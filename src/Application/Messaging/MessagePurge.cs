using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Files;
using MonBureau.Application.Privacy;
using MonBureau.Domain.Messaging;
using MonBureau.Domain.Privacy;

namespace MonBureau.Application.Messaging;

/// <summary>
/// Erases conversations idle for longer than the messages' retention. Texts are sealed under their authors' keys,
/// which outlive any one message, so they are masked in the thread's events instead (like sanctions, ADR 0014); the
/// files are deleted and <see cref="ThreadPurged"/> takes the thread out of every inbox. Who wrote to whom and when
/// stays, for the indicators.
/// </summary>
internal static class MessagePurge
{
    public static async Task<IReadOnlyList<Guid?>> RunAsync(IDocumentSession session, EventChainSealer eventChain, TimeProvider clock, bool dryRun, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = new List<MessageThread>();
        foreach (var slice in (await RetentionCutoffs.LoadAsync(session, RetentionCategory.Messages, cancellationToken)).Slices())
        {
            var cutoff = now - slice.Duration;
            var ids = slice.Establishments.ToArray();
            var idle = session.Query<MessageThread>().Where(t => !t.Purged && t.LastActivityAt > DateTimeOffset.MinValue && t.LastActivityAt < cutoff);
            due.AddRange(await (slice.Except ? idle.Where(t => !ids.Contains(t.EstablishmentId)) : idle.Where(t => ids.Contains(t.EstablishmentId)))
                .ToListAsync(cancellationToken));
        }

        if (dryRun || due.Count == 0)
            return Establishments(due);

        await eventChain.MaskAsync(session, RetentionCategory.Messages, [.. due.Select(t => t.Id)], masking =>
        {
            foreach (var thread in due)
                masking.IncludeStream(thread.Id);
        }, cancellationToken);
        FileStore.Delete(session, [.. due.SelectMany(t => t.FileIds ?? [])]);
        foreach (var thread in due)
            session.Events.Append(thread.Id, new ThreadPurged(thread.Id, thread.EstablishmentId, now));
        return Establishments(due);
    }

    private static Guid?[] Establishments(List<MessageThread> due) => [.. due.Select(t => (Guid?)t.EstablishmentId)];

    public static ThreadStarted WithoutSubject(ThreadStarted e) => e with { Subject = new(e.Subject.SubjectId, null) };

    public static MessagePosted WithoutBody(MessagePosted e) => e with
    {
        Body = new(e.Body.SubjectId, null),
        Attachments = e.Attachments?.Select(a => a with { Name = new(a.Name.SubjectId, null) }).ToList(),
    };
}
