using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Forums;

namespace MonBureau.Application.Forums;

/// <summary>Reports on posts and what moderators do with posts; each is an event on the post's stream, with its audit envelope.</summary>
public static class ModerationHandler
{
    public static Task<Guid> Handle(ReportPost command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return DecideAsync(command.PostId, session, (post, standing, actorId) => ModerationDecisions.Report(command, post, standing, actorId, clock.GetUtcNow()), cancellationToken);
    }

    public static Task<Guid> Handle(ApprovePost command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return DecideAsync(command.PostId, session, (post, standing, actorId) => ModerationDecisions.Approve(post, standing, actorId, clock.GetUtcNow()), cancellationToken);
    }

    public static Task<Guid> Handle(HidePost command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return DecideAsync(command.PostId, session, (post, standing, actorId) => ModerationDecisions.Hide(command, post, standing, actorId, clock.GetUtcNow()), cancellationToken);
    }

    public static Task<Guid> Handle(DismissPostReports command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return DecideAsync(command.PostId, session, (post, standing, actorId) => ModerationDecisions.Dismiss(post, standing, actorId, clock.GetUtcNow()), cancellationToken);
    }

    /// <summary>Loads the post and the actor's standing in its forum, decides, and appends the decision to the post.</summary>
    private static async Task<Guid> DecideAsync(Guid postId, IDocumentSession session, Func<ForumPost?, ForumStanding, Guid, object> decide, CancellationToken cancellationToken)
    {
        var actor = ActingContext.Current ?? throw new MissingActorException();
        var post = await session.LoadAsync<ForumPost>(postId, cancellationToken);
        var forum = post is null ? null : await session.LoadAsync<Forum>(post.ForumId, cancellationToken);
        var standing = await Visitors.StandingAsync(session, forum, await Visitors.OfAsync(session, actor, cancellationToken), cancellationToken);
        session.Events.Append(postId, decide(post, standing, actor.Id));
        return postId;
    }
}
