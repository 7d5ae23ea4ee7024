using GraphQL;
using GraphQL.Types;
using Marten;
using MonBureau.Domain.Common;
using MonBureau.Domain.Forums;
using MonBureau.Host.Forums;
using MonBureau.Host.GraphQL.Paging;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Projections.Forums;

namespace MonBureau.Host.GraphQL.Fields;

/// <summary>Moderated forums of classes, groups and projects: topics, posts, reports (signalements) and the moderation queue.</summary>
internal static class ForumFields
{
    private static readonly string[] Members = [nameof(Role.Teacher), nameof(Role.Student), nameof(Role.Direction), nameof(Role.SchoolLifeOffice)];
    private static readonly string[] Moderators = [nameof(Role.Teacher), nameof(Role.Direction), nameof(Role.SchoolLifeOffice)];

    public static void AddQueries(ObjectGraphType query)
    {
        query.Connection<ForumType, ForumView>("forums")
            .Description("The forums the signed-in person takes part in or moderates (their classes, groups and projects), newest first; scopeId keeps those of one class, group or project.")
            .Argument<IdGraphType>("scopeId", "Only the forums of this class, group or project.")
            .AuthorizeWithRoles(Members)
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                var scopeId = ctx.GetArgument<Guid?>("scopeId");
                IReadOnlyList<ForumView> forums = await ForumReading.ForumsOfAsync(ctx, session, moderating: false);
                if (scopeId is { } id)
                    forums = [.. forums.Where(f => f.ScopeId == id)];
                return forums.ToConnection(ctx);
            });

        query.Connection<ForumTopicType, TopicForReader>("forumTopics")
            .Description("A forum's topics, newest first: for its members and moderators.")
            .Argument<NonNullGraphType<IdGraphType>>("forumId", "The forum.")
            .AuthorizeWithRoles(Members)
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                var (forum, _) = await ForumReading.ForumAsync(ctx, session, ctx.GetArgument<Guid>("forumId"));
                var page = await session.Query<TopicView>().Where(t => t.ForumId == forum.Id).ToConnectionAsync(ctx, by => by.Descending(t => t.StartedAt));
                var topics = await ForumReading.TopicsForReaderAsync(ctx, session, [.. page.Nodes]);
                return page.Select(t => topics.First(r => r.Topic.Id == t.Id));
            });

        query.Connection<ForumPostType, PostForReader>("topicPosts")
            .Description("A topic's posts, oldest first. Members see published and hidden posts (a hidden one without its body, unless theirs) and their own posts waiting for approval; moderators see everything.")
            .Argument<NonNullGraphType<IdGraphType>>("topicId", "The topic.")
            .AuthorizeWithRoles(Members)
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                var topic = await session.LoadAsync<TopicView>(ctx.GetArgument<Guid>("topicId"), ctx.CancellationToken);
                if (topic is null)
                    throw BusinessRuleException.NotFound("Topic");
                var (_, standing) = await ForumReading.ForumAsync(ctx, session, topic.ForumId);
                var readerId = ctx.Actor().Id;
                var posts = session.Query<PostView>().Where(p => p.TopicId == topic.Id);
                if (standing != ForumStanding.Moderator)
                    posts = posts.Where(p => p.Status != PostStatus.Pending || p.AuthorId == readerId);
                return await ForReaderAsync(ctx, session, await posts.ToConnectionAsync(ctx, by => by.Ascending(p => p.WrittenAt)), standing);
            });

        query.Connection<ForumPostType, PostForReader>("moderationQueue")
            .Description("Posts waiting for a moderator, oldest first: pending approval or reported and not dealt with yet, in the forums the signed-in person moderates (or in one of them).")
            .Argument<IdGraphType>("forumId", "Only this forum.")
            .AuthorizeWithRoles(Moderators)
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                Guid[] forumIds;
                if (ctx.GetArgument<Guid?>("forumId") is { } forumId)
                {
                    var (_, standing) = await ForumReading.ForumAsync(ctx, session, forumId);
                    forumIds = standing == ForumStanding.Moderator ? [forumId] : throw BusinessRuleException.Forbidden();
                }
                else
                {
                    forumIds = [.. (await ForumReading.ForumsOfAsync(ctx, session, moderating: true)).Select(f => f.Id)];
                }

                var page = await session.Query<PostView>().Where(p => p.AwaitingModeration && p.ForumId.IsOneOf(forumIds))
                    .ToConnectionAsync(ctx, by => by.Ascending(p => p.WrittenAt));
                return await ForReaderAsync(ctx, session, page, ForumStanding.Moderator);
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ForumType>, ForumView>("openForum")
            .Description("Opens a moderated forum for a class or group (a teacher of it, the direction or the school-life office) or a project (its teachers or the direction); whoever opens it moderates it.")
            .Argument<NonNullGraphType<OpenForumInputType>>("input")
            .AuthorizeWithRoles(Moderators)
            .ResolveAsync(ctx => ctx.SendAndReadAsync<ForumView>(ctx.GetArgument<OpenForum>("input")));

        mutation.Field<NonNullGraphType<ForumType>, ForumView>("setForumLocked")
            .Description("Locks a forum (nothing can be posted in it any more) or unlocks it: for its moderators.")
            .Argument<NonNullGraphType<SetForumLockedInputType>>("input")
            .AuthorizeWithRoles(Moderators)
            .ResolveAsync(ctx => ctx.SendAndReadAsync<ForumView>(ctx.GetArgument<SetForumLocked>("input")));

        mutation.Field<NonNullGraphType<ForumTopicType>, TopicForReader>("startForumTopic")
            .Description("Starts a topic with its first post in a forum the signed-in person takes part in; a priori, a student's post waits for a moderator's approval.")
            .Argument<NonNullGraphType<StartTopicInputType>>("input")
            .AuthorizeWithRoles(Members)
            .ResolveAsync(async ctx => await ForumReading.TopicAsync(ctx, await ctx.SendAndReadAsync<TopicView>(ctx.GetArgument<StartTopic>("input"))));

        mutation.Field<NonNullGraphType<ForumTopicType>, TopicForReader>("setForumTopicLocked")
            .Description("Locks a topic (no more replies) or unlocks it: for the forum's moderators.")
            .Argument<NonNullGraphType<SetTopicLockedInputType>>("input")
            .AuthorizeWithRoles(Moderators)
            .ResolveAsync(async ctx => await ForumReading.TopicAsync(ctx, await ctx.SendAndReadAsync<TopicView>(ctx.GetArgument<SetTopicLocked>("input"))));

        PostMutation<ReplyToTopic, ReplyToTopicInputType>(mutation, "replyToForumTopic", Members,
            "Replies in a topic that is not locked, in a forum that is not locked; a priori, a student's reply waits for a moderator's approval.");
        PostMutation<ReportPost, ReportPostInputType>(mutation, "reportForumPost", Members,
            "Reports (signale) someone else's post, once: it enters the moderation queue and the forum's moderators are notified.");
        PostMutation<ApprovePost, ApprovePostInputType>(mutation, "approveForumPost", Moderators,
            "Publishes a post waiting for approval: for the forum's moderators.");
        PostMutation<HidePost, HidePostInputType>(mutation, "hideForumPost", Moderators,
            "Hides a post, with a reason moderators see: members no longer see its body, its author sees it marked hidden. Its open reports close.");
        PostMutation<DismissPostReports, DismissPostReportsInputType>(mutation, "dismissForumPostReports", Moderators,
            "Closes a post's open reports without hiding it: it leaves the moderation queue.");
    }

    private static void PostMutation<TCommand, TInput>(ObjectGraphType mutation, string name, string[] roles, string description)
        where TInput : IInputObjectGraphType =>
        mutation.Field<NonNullGraphType<ForumPostType>, PostForReader>(name)
            .Description(description)
            .Argument<NonNullGraphType<TInput>>("input")
            .AuthorizeWithRoles(roles)
            .ResolveAsync(async ctx => await ForumReading.PostAsync(ctx, await ctx.SendAndReadAsync<PostView>(ctx.GetArgument<TCommand>("input")!)));

    private static async Task<Connection<PostForReader>> ForReaderAsync(IResolveFieldContext ctx, IQuerySession session, Connection<PostView> page, ForumStanding standing)
    {
        var posts = await ForumReading.PostsForReaderAsync(ctx, session, [.. page.Nodes], standing);
        return page.Select(p => posts.First(r => r.Post.Id == p.Id));
    }
}
