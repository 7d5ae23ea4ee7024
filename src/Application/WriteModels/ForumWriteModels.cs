using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using MonBureau.Application.Forums;
using MonBureau.Domain.Forums;
using MonBureau.Domain.Projects;

namespace MonBureau.Application.WriteModels;

public partial class ForumState : SingleStreamProjection<Forum, Guid>
{
    public static Forum Create(ForumOpened e) => Forum.Create(e);

    public Forum Apply(ForumLocked e, Forum forum) => forum.Apply(e);

    public Forum Apply(ForumUnlocked e, Forum forum) => forum.Apply(e);
}

public partial class ForumTopicState : SingleStreamProjection<ForumTopic, Guid>
{
    public static ForumTopic Create(TopicStarted e) => ForumTopic.Create(e);

    public ForumTopic Apply(TopicLocked e, ForumTopic topic) => topic.Apply(e);

    public ForumTopic Apply(TopicUnlocked e, ForumTopic topic) => topic.Apply(e);

    public bool ShouldDelete(TopicPurged e) => true;
}

public partial class ForumPostState : SingleStreamProjection<ForumPost, Guid>
{
    public static ForumPost Create(PostWritten e) => ForumPost.Create(e);

    public ForumPost Apply(PostReported e, ForumPost post) => post.Apply(e);

    public ForumPost Apply(PostApproved e, ForumPost post) => post.Apply(e);

    public ForumPost Apply(PostHidden e, ForumPost post) => post.Apply(e);

    public ForumPost Apply(PostReportsDismissed e, ForumPost post) => post.Apply(e);

    public bool ShouldDelete(PostPurged e) => true;
}

public partial class ProjectState : SingleStreamProjection<Project, Guid>
{
    public static Project Create(ProjectCreated e) => Project.Create(e);

    public Project Apply(MilestoneAdded e, Project project) => project.Apply(e);

    public Project Apply(MilestoneMoved e, Project project) => project.Apply(e);

    public Project Apply(MilestoneCancelled e, Project project) => project.Apply(e);
}

public static class ForumWriteModelsSetup
{
    /// <summary>Forums, their topics and posts, and interdisciplinary projects.</summary>
    public static void AddForumWriteModels(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<ForumState>(ProjectionLifecycle.Inline);
        options.Projections.Add<ForumTopicState>(ProjectionLifecycle.Inline);
        options.Projections.Add<ForumPostState>(ProjectionLifecycle.Inline);
        options.Projections.Add<ProjectState>(ProjectionLifecycle.Inline);
        options.Events.AddMaskingRuleForProtectedInformation<TopicStarted>(ForumPurge.WithoutTitle);
        options.Events.AddMaskingRuleForProtectedInformation<PostWritten>(ForumPurge.WithoutBody);
    }
}
