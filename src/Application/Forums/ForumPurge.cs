using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Privacy;
using MonBureau.Domain.Forums;
using MonBureau.Domain.Privacy;

namespace MonBureau.Application.Forums;

/// <summary>
/// Erases forum topics idle for longer than the messages' retention (forum posts are school communication, ADR 0030).
/// Titles and bodies are sealed under their authors' keys, which outlive any one topic, so they are masked in the
/// topic's and posts' events instead (like messages); <see cref="TopicPurged"/> and <see cref="PostPurged"/> take them
/// out of the forum. Who wrote when, and the moderation, stay.
/// </summary>
internal static class ForumPurge
{
    public static async Task<IReadOnlyList<Guid?>> RunAsync(IDocumentSession session, EventChainSealer eventChain, TimeProvider clock, bool dryRun, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = new List<ForumTopic>();
        foreach (var slice in (await RetentionCutoffs.LoadAsync(session, RetentionCategory.Messages, cancellationToken)).Slices())
        {
            var cutoff = now - slice.Duration;
            var ids = slice.Establishments.ToArray();
            var started = session.Query<ForumTopic>().Where(t => t.StartedAt < cutoff);
            var candidates = await (slice.Except ? started.Where(t => !ids.Contains(t.EstablishmentId)) : started.Where(t => ids.Contains(t.EstablishmentId)))
                .ToListAsync(cancellationToken);
            if (candidates.Count == 0)
                continue;
            var candidateIds = candidates.Select(t => t.Id).ToArray();
            var active = await session.Query<ForumPost>().Where(p => p.TopicId.IsOneOf(candidateIds) && p.WrittenAt >= cutoff).Select(p => p.TopicId).ToListAsync(cancellationToken);
            due.AddRange(candidates.Where(t => !active.Contains(t.Id)));
        }

        if (dryRun || due.Count == 0)
            return Establishments(due);

        var topicIds = due.Select(t => t.Id).ToArray();
        var posts = await session.Query<ForumPost>().Where(p => p.TopicId.IsOneOf(topicIds)).ToListAsync(cancellationToken);
        Guid[] streams = [.. topicIds, .. posts.Select(p => p.Id)];
        await eventChain.MaskAsync(session, RetentionCategory.Messages, streams, masking =>
        {
            foreach (var stream in streams)
                masking.IncludeStream(stream);
        }, cancellationToken);
        foreach (var post in posts)
            session.Events.Append(post.Id, new PostPurged(post.Id, post.TopicId, post.ForumId, post.EstablishmentId, now));
        foreach (var topic in due)
            session.Events.Append(topic.Id, new TopicPurged(topic.Id, topic.ForumId, topic.EstablishmentId, now));
        return Establishments(due);
    }

    private static Guid?[] Establishments(List<ForumTopic> due) => [.. due.Select(t => (Guid?)t.EstablishmentId)];

    public static TopicStarted WithoutTitle(TopicStarted e) => e with { Title = new(e.Title.SubjectId, null) };

    public static PostWritten WithoutBody(PostWritten e) => e with { Body = new(e.Body.SubjectId, null) };
}
