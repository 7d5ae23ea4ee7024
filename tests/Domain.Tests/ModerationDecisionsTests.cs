using MonBureau.Domain.Common;
using MonBureau.Domain.Forums;

namespace MonBureau.Domain.Tests;

public class ModerationDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid EstablishmentId = Guid.CreateVersion7();
    private static readonly Guid Author = Guid.CreateVersion7();
    private static readonly Guid Reader = Guid.CreateVersion7();
    private static readonly Guid Moderator = Guid.CreateVersion7();

    private static ForumPost Post(PostStatus status = PostStatus.Published) =>
        ForumPost.Create(new PostWritten(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), EstablishmentId, Author,
            PersonalData.Of(Author, "T'es nul"), status, Now));

    private static ForumPost Reported(ForumPost post, Guid by) => post.Apply(ModerationDecisions.Report(new ReportPost(post.Id, ReportReason.Insult), post, ForumStanding.Member, by, Now));

    [Fact]
    public void Given_a_published_post_When_a_member_reports_it_Then_it_awaits_moderation_with_the_reason()
    {
        var post = Post();

        var reported = ModerationDecisions.Report(new ReportPost(post.Id, ReportReason.Harassment), post, ForumStanding.Member, Reader, Now);

        Assert.Equal(ReportReason.Harassment, reported.Reason);
        Assert.Equal(Reader, reported.ReporterId);
        Assert.Equal(1, post.Apply(reported).OpenReports);
    }

    [Fact]
    public void Given_their_own_post_When_the_author_reports_it_Then_it_is_invalid() =>
        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(() =>
            ModerationDecisions.Report(new ReportPost(Guid.Empty, ReportReason.Other), Post(), ForumStanding.Member, Author, Now)).Code);

    [Fact]
    public void Given_a_post_they_reported_When_reporting_it_again_Then_it_conflicts()
    {
        var post = Reported(Post(), Reader);

        Assert.Equal(ErrorCodes.Conflict, Assert.Throws<BusinessRuleException>(() =>
            ModerationDecisions.Report(new ReportPost(post.Id, ReportReason.Other), post, ForumStanding.Member, Reader, Now)).Code);
    }

    [Fact]
    public void Given_someone_elses_pending_post_When_a_member_reports_it_Then_it_is_not_found() =>
        Assert.Equal(ErrorCodes.NotFound, Assert.Throws<BusinessRuleException>(() =>
            ModerationDecisions.Report(new ReportPost(Guid.Empty, ReportReason.Other), Post(PostStatus.Pending), ForumStanding.Member, Reader, Now)).Code);

    [Fact]
    public void Given_a_reported_post_When_a_moderator_hides_it_Then_it_is_hidden_and_its_reports_close()
    {
        var post = Reported(Post(), Reader);

        var hidden = post.Apply(ModerationDecisions.Hide(new HidePost(post.Id, ReportReason.Insult), post, ForumStanding.Moderator, Moderator, Now));

        Assert.Equal(PostStatus.Hidden, hidden.Status);
        Assert.Equal(0, hidden.OpenReports);
        Assert.False(ModerationDecisions.MayReadBody(hidden.Status, Author, ForumStanding.Member, Reader));
        Assert.True(ModerationDecisions.MayReadBody(hidden.Status, Author, ForumStanding.Member, Author));
        Assert.True(ModerationDecisions.MayReadBody(hidden.Status, Author, ForumStanding.Moderator, Moderator));
    }

    [Fact]
    public void Given_a_member_who_is_not_a_moderator_When_hiding_or_approving_Then_it_is_forbidden()
    {
        var post = Post();

        Assert.Equal(ErrorCodes.Forbidden, Assert.Throws<BusinessRuleException>(() =>
            ModerationDecisions.Hide(new HidePost(post.Id, ReportReason.Other), post, ForumStanding.Member, Reader, Now)).Code);
        Assert.Equal(ErrorCodes.Forbidden, Assert.Throws<BusinessRuleException>(() =>
            ModerationDecisions.Approve(post, ForumStanding.Member, Reader, Now)).Code);
    }

    [Fact]
    public void Given_a_pending_post_When_a_moderator_approves_it_Then_it_is_published_and_approving_again_conflicts()
    {
        var post = Post(PostStatus.Pending);

        var approved = post.Apply(ModerationDecisions.Approve(post, ForumStanding.Moderator, Moderator, Now));

        Assert.Equal(PostStatus.Published, approved.Status);
        Assert.Equal(ErrorCodes.Conflict, Assert.Throws<BusinessRuleException>(() => ModerationDecisions.Approve(approved, ForumStanding.Moderator, Moderator, Now)).Code);
    }

    [Fact]
    public void Given_a_post_without_open_reports_When_dismissing_Then_it_conflicts_and_with_one_it_closes_it()
    {
        var post = Post();

        Assert.Equal(ErrorCodes.Conflict, Assert.Throws<BusinessRuleException>(() => ModerationDecisions.Dismiss(post, ForumStanding.Moderator, Moderator, Now)).Code);
        var reported = Reported(post, Reader);
        Assert.Equal(0, reported.Apply(ModerationDecisions.Dismiss(reported, ForumStanding.Moderator, Moderator, Now)).OpenReports);
    }

    [Fact]
    public void Given_an_open_topic_When_a_moderator_locks_it_Then_it_is_locked_and_a_member_may_not()
    {
        var topic = new ForumTopic(Guid.CreateVersion7(), Guid.CreateVersion7(), EstablishmentId, Author, false, Now);

        var locked = Assert.IsType<TopicLocked>(ModerationDecisions.LockTopic(new SetTopicLocked(topic.Id, true), topic, ForumStanding.Moderator, Moderator, Now));

        Assert.True(topic.Apply(locked).Locked);
        Assert.Equal(ErrorCodes.Forbidden, Assert.Throws<BusinessRuleException>(() =>
            ModerationDecisions.LockTopic(new SetTopicLocked(topic.Id, true), topic, ForumStanding.Member, Reader, Now)).Code);
    }
}
