using JasperFx.Events.Projections;
using Marten;
using MonBureau.Projections.Projects;

namespace MonBureau.Projections.Forums;

public static class ForumProjectionsSetup
{
    /// <summary>Forums, topics, posts, their moderators' notifications, and interdisciplinary projects; inline like the rest.</summary>
    public static void AddForumProjections(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<ForumViewProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<TopicViewProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<PostViewProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<ForumNotificationProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<ProjectViewProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<ForumView>().Index(x => x.EstablishmentId).Index(x => x.ScopeId);
        options.Schema.For<TopicView>().Index(x => x.ForumId);
        options.Schema.For<PostView>().Index(x => x.TopicId).Index(x => x.ForumId).Index(x => x.AuthorId);
        options.Schema.For<ProjectView>().Index(x => x.EstablishmentId);
    }
}
