using MonBureau.Domain.Common;

namespace MonBureau.Domain.Forums;

/// <summary>What a forum belongs to: a class, a group or an interdisciplinary project (EPI).</summary>
public enum ForumScope
{
    Class,
    Group,
    Project,
}

/// <summary>
/// How students' posts are moderated: a priori (modération a priori) they wait for a moderator's approval;
/// a posteriori they are published at once and may be hidden afterwards.
/// </summary>
public enum ModerationMode
{
    APriori,
    APosteriori,
}

/// <summary>Where a post stands: waiting for approval, visible to the forum, or hidden by a moderator.</summary>
public enum PostStatus
{
    Pending,
    Published,
    Hidden,
}

/// <summary>Why a post is reported (signalement), or why a moderator hid it.</summary>
public enum ReportReason
{
    Insult,
    Harassment,
    PersonalData,
    OffTopic,
    Other,
}

/// <summary>The title is the opener's wording for the class, like a homework title: not about a person.</summary>
public sealed record ForumOpened(
    Guid ForumId, Guid EstablishmentId, ForumScope Scope, Guid ScopeId, string Title, ModerationMode Moderation, Guid OpenedBy, DateTimeOffset OpenedAt)
    : IEstablishmentScoped;

public sealed record ForumLocked(Guid ForumId, Guid EstablishmentId, Guid LockedBy, DateTimeOffset LockedAt) : IEstablishmentScoped;

public sealed record ForumUnlocked(Guid ForumId, Guid EstablishmentId, Guid UnlockedBy, DateTimeOffset UnlockedAt) : IEstablishmentScoped;

/// <summary>A topic (sujet); its title is its author's free text, sealed under the author's key. Its first post follows.</summary>
public sealed record TopicStarted(Guid TopicId, Guid ForumId, Guid EstablishmentId, Guid AuthorId, PersonalData Title, DateTimeOffset StartedAt)
    : IEstablishmentScoped;

public sealed record TopicLocked(Guid TopicId, Guid ForumId, Guid EstablishmentId, Guid LockedBy, DateTimeOffset LockedAt) : IEstablishmentScoped;

public sealed record TopicUnlocked(Guid TopicId, Guid ForumId, Guid EstablishmentId, Guid UnlockedBy, DateTimeOffset UnlockedAt) : IEstablishmentScoped;

/// <summary>A post, on its own stream so its moderation is its own history. The body is the author's, sealed under their key.</summary>
public sealed record PostWritten(
    Guid PostId, Guid TopicId, Guid ForumId, Guid EstablishmentId, Guid AuthorId, PersonalData Body, PostStatus Status, DateTimeOffset WrittenAt)
    : IEstablishmentScoped;

/// <summary>A member reported the post: it enters the moderation queue and its moderators are notified.</summary>
public sealed record PostReported(
    Guid PostId, Guid TopicId, Guid ForumId, Guid EstablishmentId, Guid ReporterId, ReportReason Reason, DateTimeOffset ReportedAt)
    : IEstablishmentScoped;

public sealed record PostApproved(Guid PostId, Guid TopicId, Guid ForumId, Guid EstablishmentId, Guid ModeratorId, DateTimeOffset ApprovedAt)
    : IEstablishmentScoped;

/// <summary>Hidden posts stay in the topic, marked hidden, without their body except to moderators and their author; it closes the open reports.</summary>
public sealed record PostHidden(
    Guid PostId, Guid TopicId, Guid ForumId, Guid EstablishmentId, Guid ModeratorId, ReportReason Reason, DateTimeOffset HiddenAt)
    : IEstablishmentScoped;

/// <summary>The moderator found nothing wrong: the open reports close and the post leaves the queue.</summary>
public sealed record PostReportsDismissed(Guid PostId, Guid TopicId, Guid ForumId, Guid EstablishmentId, Guid ModeratorId, DateTimeOffset DismissedAt)
    : IEstablishmentScoped;

/// <summary>
/// The topic was idle for longer than the messages' retention (ADR 0030): its title and its posts' bodies were masked
/// in the events beforehand, and it leaves the forum. Who wrote when stays.
/// </summary>
public sealed record TopicPurged(Guid TopicId, Guid ForumId, Guid EstablishmentId, DateTimeOffset PurgedAt);

/// <summary>A post of a purged topic leaves it.</summary>
public sealed record PostPurged(Guid PostId, Guid TopicId, Guid ForumId, Guid EstablishmentId, DateTimeOffset PurgedAt);

public sealed record Forum(Guid Id, Guid EstablishmentId, ForumScope Scope, Guid ScopeId, Guid OpenedBy, ModerationMode Moderation, bool Locked)
{
    public static Forum Create(ForumOpened e) => new(e.ForumId, e.EstablishmentId, e.Scope, e.ScopeId, e.OpenedBy, e.Moderation, false);

    public Forum Apply(ForumLocked e) => this with { Locked = true };

    public Forum Apply(ForumUnlocked e) => this with { Locked = false };
}

public sealed record ForumTopic(Guid Id, Guid ForumId, Guid EstablishmentId, Guid AuthorId, bool Locked, DateTimeOffset StartedAt)
{
    public static ForumTopic Create(TopicStarted e) => new(e.TopicId, e.ForumId, e.EstablishmentId, e.AuthorId, false, e.StartedAt);

    public ForumTopic Apply(TopicLocked e) => this with { Locked = true };

    public ForumTopic Apply(TopicUnlocked e) => this with { Locked = false };
}

/// <param name="Reporters">Everyone who ever reported it: nobody reports the same post twice.</param>
/// <param name="OpenReports">Reports no moderator has dealt with yet.</param>
public sealed record ForumPost(
    Guid Id, Guid TopicId, Guid ForumId, Guid EstablishmentId, Guid AuthorId, PostStatus Status, IReadOnlyList<Guid> Reporters, int OpenReports,
    DateTimeOffset WrittenAt)
{
    public static ForumPost Create(PostWritten e) => new(e.PostId, e.TopicId, e.ForumId, e.EstablishmentId, e.AuthorId, e.Status, [], 0, e.WrittenAt);

    public ForumPost Apply(PostReported e) => this with { Reporters = [.. Reporters, e.ReporterId], OpenReports = OpenReports + 1 };

    public ForumPost Apply(PostApproved e) => this with { Status = PostStatus.Published };

    public ForumPost Apply(PostHidden e) => this with { Status = PostStatus.Hidden, OpenReports = 0 };

    public ForumPost Apply(PostReportsDismissed e) => this with { OpenReports = 0 };
}
