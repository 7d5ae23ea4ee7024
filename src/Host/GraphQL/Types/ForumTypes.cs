using GraphQL.Types;
using MonBureau.Domain.Forums;
using MonBureau.Projections.Forums;

namespace MonBureau.Host.GraphQL.Types;

/// <summary>A post as one reader sees it: its author's name, its body unless hidden from that reader, its moderation for moderators.</summary>
public sealed record PostForReader(PostView Post, string? AuthorName, bool BodyShown, bool ForModerator);

/// <summary>A topic with its author's name.</summary>
public sealed record TopicForReader(TopicView Topic, string? AuthorName);

public sealed class ForumType : ObjectGraphType<ForumView>
{
    public ForumType()
    {
        Name = "Forum";
        Description = "A moderated forum of a class, group or interdisciplinary project.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable identifier.");
        Field(x => x.Scope, type: typeof(NonNullGraphType<ForumScopeType>)).Description("What it belongs to.");
        Field(x => x.ScopeId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The class, group or project.");
        Field(x => x.Title).Description("Title.");
        Field(x => x.Moderation, type: typeof(NonNullGraphType<ModerationModeType>)).Description("A_PRIORI: students' posts wait for approval; A_POSTERIORI: published at once.");
        Field(x => x.OpenedBy, type: typeof(NonNullGraphType<IdGraphType>)).Description("Who opened it; they moderate it.");
        Field(x => x.OpenedAt).Description("When it was opened.");
        Field(x => x.Locked).Description("Locked: nothing can be posted in it.");
    }
}

public sealed class ForumTopicType : ObjectGraphType<TopicForReader>
{
    public ForumTopicType()
    {
        Name = "ForumTopic";
        Description = "A topic (sujet) of a forum; its posts are read with topicPosts.";
        Field<NonNullGraphType<IdGraphType>, Guid>("id").Description("Stable identifier.").Resolve(ctx => ctx.Source.Topic.Id);
        Field<NonNullGraphType<IdGraphType>, Guid>("forumId").Description("Its forum.").Resolve(ctx => ctx.Source.Topic.ForumId);
        Field<NonNullGraphType<IdGraphType>, Guid>("authorId").Description("Who started it.").Resolve(ctx => ctx.Source.Topic.AuthorId);
        Field<StringGraphType, string>("authorName").Description("Its author's name; null once erased.").Resolve(ctx => ctx.Source.AuthorName);
        Field<StringGraphType, string>("title").Description("Title, the author's words. Null once the author's data has been erased.").Resolve(ctx => ctx.Source.Topic.Title.Value);
        Field<NonNullGraphType<DateTimeOffsetGraphType>, DateTimeOffset>("startedAt").Description("When it was started.").Resolve(ctx => ctx.Source.Topic.StartedAt);
        Field<NonNullGraphType<BooleanGraphType>, bool>("locked").Description("Locked: no more replies.").Resolve(ctx => ctx.Source.Topic.Locked);
    }
}

public sealed class ForumPostType : ObjectGraphType<PostForReader>
{
    public ForumPostType()
    {
        Name = "ForumPost";
        Description = "A post of a forum topic. A hidden post stays in place, marked HIDDEN, its body shown only to moderators and its author.";
        Field<NonNullGraphType<IdGraphType>, Guid>("id").Description("Stable identifier.").Resolve(ctx => ctx.Source.Post.Id);
        Field<NonNullGraphType<IdGraphType>, Guid>("topicId").Description("Its topic.").Resolve(ctx => ctx.Source.Post.TopicId);
        Field<NonNullGraphType<IdGraphType>, Guid>("forumId").Description("Its forum.").Resolve(ctx => ctx.Source.Post.ForumId);
        Field<NonNullGraphType<IdGraphType>, Guid>("authorId").Description("Who wrote it.").Resolve(ctx => ctx.Source.Post.AuthorId);
        Field<StringGraphType, string>("authorName").Description("Its author's name; null once erased.").Resolve(ctx => ctx.Source.AuthorName);
        Field<StringGraphType, string>("body")
            .Description("The text. Null when hidden from the reader, or once the author's data has been erased.")
            .Resolve(ctx => ctx.Source.BodyShown ? ctx.Source.Post.Body?.Value : null);
        Field<NonNullGraphType<PostStatusType>, PostStatus>("status").Description("PENDING approval, PUBLISHED or HIDDEN.").Resolve(ctx => ctx.Source.Post.Status);
        Field<NonNullGraphType<DateTimeOffsetGraphType>, DateTimeOffset>("writtenAt").Description("When it was written.").Resolve(ctx => ctx.Source.Post.WrittenAt);
        Field<ReportReasonType, ReportReason?>("hiddenReason")
            .Description("Why a moderator hid it; for moderators only, null otherwise.")
            .Resolve(ctx => ctx.Source.ForModerator ? ctx.Source.Post.HiddenReason : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReportReasonType>>>, IEnumerable<ReportReason>>("openReports")
            .Description("The reasons of the reports no moderator has dealt with yet; for moderators, empty for others.")
            .Resolve(ctx => ctx.Source.ForModerator ? ctx.Source.Post.Reports.Where(r => r.Open).Select(r => r.Reason) : []);
    }
}

public sealed class ForumScopeType : EnumerationGraphType<ForumScope>
{
    public ForumScopeType()
    {
        Name = "ForumScope";
        Description = "What a forum belongs to: CLASS, GROUP or PROJECT (interdisciplinary project).";
    }
}

public sealed class ModerationModeType : EnumerationGraphType<ModerationMode>
{
    public ModerationModeType()
    {
        Name = "ModerationMode";
        Description = "A_PRIORI: students' posts wait for a moderator's approval; A_POSTERIORI: published at once, hidden afterwards if need be.";
    }
}

public sealed class PostStatusType : EnumerationGraphType<PostStatus>
{
    public PostStatusType()
    {
        Name = "ForumPostStatus";
        Description = "PENDING approval (a priori moderation), PUBLISHED, or HIDDEN by a moderator.";
    }
}

public sealed class ReportReasonType : EnumerationGraphType<ReportReason>
{
    public ReportReasonType()
    {
        Name = "ReportReason";
        Description = "Why a post is reported (signalement) or hidden: INSULT, HARASSMENT, PERSONAL_DATA (someone's personal data exposed), OFF_TOPIC, OTHER.";
    }
}

public sealed class OpenForumInputType : InputObjectGraphType<OpenForum>
{
    public OpenForumInputType()
    {
        Name = "OpenForumInput";
        Description = "A forum for a class or group (its teachers, the direction or the school-life office) or a project (its teachers, the direction).";
        Field(x => x.Scope, type: typeof(NonNullGraphType<ForumScopeType>)).Description("CLASS, GROUP or PROJECT.");
        Field(x => x.ScopeId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The class, group or project.");
        Field(x => x.Title).Description("Title, at most 200 characters.");
        Field(x => x.Moderation, type: typeof(NonNullGraphType<ModerationModeType>)).Description("A_PRIORI or A_POSTERIORI.");
    }
}

public sealed class SetForumLockedInputType : InputObjectGraphType<SetForumLocked>
{
    public SetForumLockedInputType()
    {
        Name = "SetForumLockedInput";
        Description = "Locks or unlocks a whole forum.";
        Field(x => x.ForumId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The forum.");
        Field(x => x.Locked).Description("True to lock (nothing can be posted), false to unlock.");
    }
}

public sealed class StartTopicInputType : InputObjectGraphType<StartTopic>
{
    public StartTopicInputType()
    {
        Name = "StartForumTopicInput";
        Description = "A new topic with its first post.";
        Field(x => x.ForumId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The forum.");
        Field(x => x.Title).Description("Title, at most 200 characters.");
        Field(x => x.Body).Description("The first post, at most 10,000 characters.");
    }
}

public sealed class ReplyToTopicInputType : InputObjectGraphType<ReplyToTopic>
{
    public ReplyToTopicInputType()
    {
        Name = "ReplyToForumTopicInput";
        Description = "A reply in a topic that is not locked.";
        Field(x => x.TopicId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The topic.");
        Field(x => x.Body).Description("The text, at most 10,000 characters.");
    }
}

public sealed class SetTopicLockedInputType : InputObjectGraphType<SetTopicLocked>
{
    public SetTopicLockedInputType()
    {
        Name = "SetForumTopicLockedInput";
        Description = "Locks or unlocks a topic.";
        Field(x => x.TopicId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The topic.");
        Field(x => x.Locked).Description("True to lock (no more replies), false to unlock.");
    }
}

public sealed class ReportPostInputType : InputObjectGraphType<ReportPost>
{
    public ReportPostInputType()
    {
        Name = "ReportForumPostInput";
        Description = "A report (signalement) on someone else's post.";
        Field(x => x.PostId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The post.");
        Field(x => x.Reason, type: typeof(NonNullGraphType<ReportReasonType>)).Description("Why.");
    }
}

public sealed class ApprovePostInputType : InputObjectGraphType<ApprovePost>
{
    public ApprovePostInputType()
    {
        Name = "ApproveForumPostInput";
        Description = "A post waiting for approval.";
        Field(x => x.PostId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The post.");
    }
}

public sealed class HidePostInputType : InputObjectGraphType<HidePost>
{
    public HidePostInputType()
    {
        Name = "HideForumPostInput";
        Description = "A post to hide, with the reason moderators will see.";
        Field(x => x.PostId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The post.");
        Field(x => x.Reason, type: typeof(NonNullGraphType<ReportReasonType>)).Description("Why it is hidden.");
    }
}

public sealed class DismissPostReportsInputType : InputObjectGraphType<DismissPostReports>
{
    public DismissPostReportsInputType()
    {
        Name = "DismissForumPostReportsInput";
        Description = "A reported post the moderator found acceptable.";
        Field(x => x.PostId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The post.");
    }
}
