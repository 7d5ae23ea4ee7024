using MonBureau.Domain.Common;

namespace MonBureau.Domain.Forums;

/// <summary>Opening forums, starting topics and writing posts.</summary>
public static class ForumDecisions
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 10_000;

    /// <param name="targetEstablishmentId">The establishment of the class, group or project named, null when it does not exist.</param>
    public static ForumOpened Open(Guid newId, OpenForum command, Guid? targetEstablishmentId, ForumAudience audience, Visitor visitor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(visitor);
        if (!Enum.IsDefined(command.Scope) || !Enum.IsDefined(command.Moderation))
            throw BusinessRuleException.Invalid("Unknown scope or moderation mode.");
        // A unit elsewhere, or one the teacher does not teach, answers like a missing one.
        if (targetEstablishmentId != visitor.EstablishmentId || !ForumStandings.MayOpen(command.Scope, audience, visitor))
            throw BusinessRuleException.NotFound(command.Scope.ToString());
        return new ForumOpened(
            newId, visitor.EstablishmentId, command.Scope, command.ScopeId, Require.Text(command.Title, "Title", MaxTitleLength), command.Moderation,
            visitor.PersonId, now);
    }

    /// <param name="forum">The forum named, null when missing.</param>
    public static (TopicStarted Topic, PostWritten FirstPost) Start(
        Guid topicId, Guid postId, StartTopic command, Forum? forum, ForumStanding standing, Guid authorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var open = Writable(forum, standing);
        var title = Require.Text(command.Title, "Title", MaxTitleLength);
        var post = Write(postId, topicId, open, standing, authorId, command.Body, now);
        return (new TopicStarted(topicId, open.Id, open.EstablishmentId, authorId, PersonalData.Of(authorId, title), now), post);
    }

    /// <param name="topic">The topic named, null when missing.</param>
    /// <param name="forum">Its forum.</param>
    public static PostWritten Reply(Guid postId, ReplyToTopic command, ForumTopic? topic, Forum? forum, ForumStanding standing, Guid authorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (topic is null || standing == ForumStanding.None)
            throw BusinessRuleException.NotFound("Topic");
        var open = Writable(forum, standing);
        if (topic.Locked)
            throw Locked("This topic is locked: no more replies.");
        return Write(postId, topic.Id, open, standing, authorId, command.Body, now);
    }

    /// <summary>A priori, a member's post waits for a moderator; a moderator's own post never waits.</summary>
    public static PostStatus StatusOfNewPost(ModerationMode moderation, ForumStanding standing) =>
        moderation == ModerationMode.APriori && standing != ForumStanding.Moderator ? PostStatus.Pending : PostStatus.Published;

    internal static BusinessRuleException Locked(string message) => new(ErrorCodes.Locked, message);

    private static Forum Writable(Forum? forum, ForumStanding standing)
    {
        if (forum is null || standing == ForumStanding.None)
            throw BusinessRuleException.NotFound("Forum");
        return forum.Locked ? throw Locked("This forum is locked: nothing can be posted in it.") : forum;
    }

    private static PostWritten Write(Guid postId, Guid topicId, Forum forum, ForumStanding standing, Guid authorId, string body, DateTimeOffset now) =>
        new(postId, topicId, forum.Id, forum.EstablishmentId, authorId, PersonalData.Of(authorId, Require.Text(body, "Body", MaxBodyLength)),
            StatusOfNewPost(forum.Moderation, standing), now);
}
