using Marten.Events.Aggregation;
using MonBureau.Domain.Common;
using MonBureau.Domain.Forums;

namespace MonBureau.Projections.Forums;

/// <summary>One report (signalement) on a post; <c>Open</c> until a moderator hides the post or dismisses its reports.</summary>
public sealed class PostReportView
{
    public Guid ReporterId { get; set; }
    public ReportReason Reason { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    public bool Open { get; set; }
}

/// <summary>A post with its moderation; the API leaves the body of a hidden post out for whoever may not read it.</summary>
public sealed class PostView
{
    public Guid Id { get; set; }
    public Guid TopicId { get; set; }
    public Guid ForumId { get; set; }
    public Guid EstablishmentId { get; set; }
    public Guid AuthorId { get; set; }
    public PersonalData? Body { get; set; }
    public PostStatus Status { get; set; }
    public DateTimeOffset WrittenAt { get; set; }
    public ReportReason? HiddenReason { get; set; }
    public Guid? ModeratedBy { get; set; }
    public DateTimeOffset? ModeratedAt { get; set; }
    public List<PostReportView> Reports { get; set; } = [];

    /// <summary>Whether it waits in the moderation queue: pending approval, or reported and not dealt with yet.</summary>
    public bool AwaitingModeration { get; set; }
}

public partial class PostViewProjection : SingleStreamProjection<PostView, Guid>
{
    public static PostView Create(PostWritten e) => new()
    {
        Id = e.PostId,
        TopicId = e.TopicId,
        ForumId = e.ForumId,
        EstablishmentId = e.EstablishmentId,
        AuthorId = e.AuthorId,
        Body = e.Body,
        Status = e.Status,
        WrittenAt = e.WrittenAt,
        AwaitingModeration = e.Status == PostStatus.Pending,
    };

    public static void Apply(PostReported e, PostView view)
    {
        view.Reports.Add(new PostReportView { ReporterId = e.ReporterId, Reason = e.Reason, ReportedAt = e.ReportedAt, Open = true });
        view.AwaitingModeration = true;
    }

    public static void Apply(PostApproved e, PostView view)
    {
        view.Status = PostStatus.Published;
        Moderated(view, e.ModeratorId, e.ApprovedAt);
    }

    public static void Apply(PostHidden e, PostView view)
    {
        view.Status = PostStatus.Hidden;
        view.HiddenReason = e.Reason;
        CloseReports(view);
        Moderated(view, e.ModeratorId, e.HiddenAt);
    }

    public static void Apply(PostReportsDismissed e, PostView view)
    {
        CloseReports(view);
        Moderated(view, e.ModeratorId, e.DismissedAt);
    }

    private static void CloseReports(PostView view)
    {
        foreach (var report in view.Reports)
            report.Open = false;
    }

    private static void Moderated(PostView view, Guid moderatorId, DateTimeOffset at)
    {
        view.ModeratedBy = moderatorId;
        view.ModeratedAt = at;
        view.AwaitingModeration = view.Status == PostStatus.Pending || view.Reports.Any(r => r.Open);
    }

    public bool ShouldDelete(PostPurged e) => true;
}
