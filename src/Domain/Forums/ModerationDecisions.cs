using MonBureau.Domain.Common;

namespace MonBureau.Domain.Forums;

/// <summary>Reports (signalements) by members and what moderators do about them; locking topics and forums.</summary>
public static class ModerationDecisions
{
    /// <param name="post">The post named, null when missing.</param>
    /// <param name="standing">The reporter's standing in the post's forum.</param>
    public static PostReported Report(ReportPost command, ForumPost? post, ForumStanding standing, Guid reporterId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var seen = Visible(post, standing, reporterId);
        if (!Enum.IsDefined(command.Reason))
            throw BusinessRuleException.Invalid("Unknown reason.");
        if (seen.AuthorId == reporterId)
            throw new BusinessRuleException(ErrorCodes.Validation, "You cannot report your own post.") { Field = "PostId" };
        if (seen.Reporters.Contains(reporterId))
            throw new BusinessRuleException(ErrorCodes.Conflict, "You have already reported this post.");
        if (seen.Status == PostStatus.Hidden)
            throw new BusinessRuleException(ErrorCodes.Conflict, "This post is already hidden by a moderator.");
        return new PostReported(seen.Id, seen.TopicId, seen.ForumId, seen.EstablishmentId, reporterId, command.Reason, now);
    }

    public static PostApproved Approve(ForumPost? post, ForumStanding standing, Guid moderatorId, DateTimeOffset now)
    {
        var moderated = Moderated(post, standing, moderatorId);
        if (moderated.Status != PostStatus.Pending)
            throw new BusinessRuleException(ErrorCodes.Conflict, "This post is not waiting for approval.");
        return new PostApproved(moderated.Id, moderated.TopicId, moderated.ForumId, moderated.EstablishmentId, moderatorId, now);
    }

    public static PostHidden Hide(HidePost command, ForumPost? post, ForumStanding standing, Guid moderatorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var moderated = Moderated(post, standing, moderatorId);
        if (!Enum.IsDefined(command.Reason))
            throw BusinessRuleException.Invalid("Unknown reason.");
        if (moderated.Status == PostStatus.Hidden)
            throw new BusinessRuleException(ErrorCodes.Conflict, "This post is already hidden.");
        return new PostHidden(moderated.Id, moderated.TopicId, moderated.ForumId, moderated.EstablishmentId, moderatorId, command.Reason, now);
    }

    public static PostReportsDismissed Dismiss(ForumPost? post, ForumStanding standing, Guid moderatorId, DateTimeOffset now)
    {
        var moderated = Moderated(post, standing, moderatorId);
        if (moderated.OpenReports == 0)
            throw new BusinessRuleException(ErrorCodes.Conflict, "This post has no open report.");
        return new PostReportsDismissed(moderated.Id, moderated.TopicId, moderated.ForumId, moderated.EstablishmentId, moderatorId, now);
    }

    /// <returns><see cref="TopicLocked"/> or <see cref="TopicUnlocked"/>.</returns>
    public static object LockTopic(SetTopicLocked command, ForumTopic? topic, ForumStanding standing, Guid moderatorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (topic is null || standing == ForumStanding.None)
            throw BusinessRuleException.NotFound("Topic");
        if (standing != ForumStanding.Moderator)
            throw BusinessRuleException.Forbidden();
        if (topic.Locked == command.Locked)
            throw new BusinessRuleException(ErrorCodes.Conflict, topic.Locked ? "This topic is already locked." : "This topic is not locked.");
        return command.Locked
            ? new TopicLocked(topic.Id, topic.ForumId, topic.EstablishmentId, moderatorId, now)
            : new TopicUnlocked(topic.Id, topic.ForumId, topic.EstablishmentId, moderatorId, now);
    }

    /// <returns><see cref="ForumLocked"/> or <see cref="ForumUnlocked"/>.</returns>
    public static object LockForum(SetForumLocked command, Forum? forum, ForumStanding standing, Guid moderatorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (forum is null || standing == ForumStanding.None)
            throw BusinessRuleException.NotFound("Forum");
        if (standing != ForumStanding.Moderator)
            throw BusinessRuleException.Forbidden();
        if (forum.Locked == command.Locked)
            throw new BusinessRuleException(ErrorCodes.Conflict, forum.Locked ? "This forum is already locked." : "This forum is not locked.");
        return command.Locked
            ? new ForumLocked(forum.Id, forum.EstablishmentId, moderatorId, now)
            : new ForumUnlocked(forum.Id, forum.EstablishmentId, moderatorId, now);
    }

    /// <summary>A member sees published and hidden posts and their own pending ones; a pending post of someone else does not exist for them.</summary>
    public static bool MaySee(ForumPost post, ForumStanding standing, Guid viewerId)
    {
        ArgumentNullException.ThrowIfNull(post);
        return standing == ForumStanding.Moderator
            || (standing == ForumStanding.Member && (post.Status != PostStatus.Pending || post.AuthorId == viewerId));
    }

    /// <summary>A hidden post's body is for its moderators and its author only.</summary>
    public static bool MayReadBody(PostStatus status, Guid authorId, ForumStanding standing, Guid viewerId) =>
        status != PostStatus.Hidden || standing == ForumStanding.Moderator || authorId == viewerId;

    private static ForumPost Visible(ForumPost? post, ForumStanding standing, Guid viewerId) =>
        post is not null && MaySee(post, standing, viewerId) ? post : throw BusinessRuleException.NotFound("Post");

    /// <summary>Members who are not moderators learn the post exists (they see it) but may not moderate it.</summary>
    private static ForumPost Moderated(ForumPost? post, ForumStanding standing, Guid moderatorId)
    {
        var seen = Visible(post, standing, moderatorId);
        return standing == ForumStanding.Moderator ? seen : throw BusinessRuleException.Forbidden();
    }
}
