using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Forums;

namespace MonBureau.Application.Forums;

/// <summary>Starts topics, writes replies and locks topics.</summary>
public static class TopicHandler
{
    /// <returns>The new topic's id.</returns>
    public static async Task<Guid> Handle(StartTopic command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Current ?? throw new MissingActorException();
        var forum = await session.LoadAsync<Forum>(command.ForumId, cancellationToken);
        var standing = await Visitors.StandingAsync(session, forum, await Visitors.OfAsync(session, actor, cancellationToken), cancellationToken);
        var (topic, post) = ForumDecisions.Start(Guid.CreateVersion7(), Guid.CreateVersion7(), command, forum, standing, actor.Id, clock.GetUtcNow());
        session.Events.StartStream<ForumTopic>(topic.TopicId, topic);
        session.Events.StartStream<ForumPost>(post.PostId, post);
        return topic.TopicId;
    }

    /// <returns>The new post's id.</returns>
    public static async Task<Guid> Handle(ReplyToTopic command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Current ?? throw new MissingActorException();
        var topic = await session.LoadAsync<ForumTopic>(command.TopicId, cancellationToken);
        var forum = topic is null ? null : await session.LoadAsync<Forum>(topic.ForumId, cancellationToken);
        var standing = await Visitors.StandingAsync(session, forum, await Visitors.OfAsync(session, actor, cancellationToken), cancellationToken);
        var post = ForumDecisions.Reply(Guid.CreateVersion7(), command, topic, forum, standing, actor.Id, clock.GetUtcNow());
        session.Events.StartStream<ForumPost>(post.PostId, post);
        return post.PostId;
    }

    public static async Task<Guid> Handle(SetTopicLocked command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Current ?? throw new MissingActorException();
        var topic = await session.LoadAsync<ForumTopic>(command.TopicId, cancellationToken);
        var forum = topic is null ? null : await session.LoadAsync<Forum>(topic.ForumId, cancellationToken);
        var standing = await Visitors.StandingAsync(session, forum, await Visitors.OfAsync(session, actor, cancellationToken), cancellationToken);
        session.Events.Append(command.TopicId, ModerationDecisions.LockTopic(command, topic, standing, actor.Id, clock.GetUtcNow()));
        return command.TopicId;
    }
}
