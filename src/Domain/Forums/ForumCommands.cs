namespace MonBureau.Domain.Forums;

/// <summary>A forum for a class (<c>Scope</c> CLASS), a group or a project, named by <c>ScopeId</c>.</summary>
public sealed record OpenForum(ForumScope Scope, Guid ScopeId, string Title, ModerationMode Moderation);

/// <summary>Locks (no new topic, no reply) or unlocks a whole forum.</summary>
public sealed record SetForumLocked(Guid ForumId, bool Locked);

public sealed record StartTopic(Guid ForumId, string Title, string Body) : Common.Redacted;

public sealed record ReplyToTopic(Guid TopicId, string Body) : Common.Redacted;

/// <summary>Locks (no more replies) or unlocks a topic.</summary>
public sealed record SetTopicLocked(Guid TopicId, bool Locked);

public sealed record ReportPost(Guid PostId, ReportReason Reason);

public sealed record ApprovePost(Guid PostId);

/// <summary>The reason is shown to moderators; members see only that the post was hidden.</summary>
public sealed record HidePost(Guid PostId, ReportReason Reason);

public sealed record DismissPostReports(Guid PostId);
