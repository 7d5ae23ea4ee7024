using GraphQL;
using Marten;
using MonBureau.Application.Forums;
using MonBureau.Domain.Common;
using MonBureau.Domain.Forums;
using MonBureau.Domain.Projects;
using MonBureau.Host.GraphQL;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Projections.Forums;
using MonBureau.Projections.People;

namespace MonBureau.Host.Forums;

/// <summary>
/// What a reader may see of forums, decided by the same rules as the commands (<see cref="ForumStandings"/>): a forum
/// that is not theirs answers NOT_FOUND, and a hidden post's body is left out for whoever may not read it.
/// </summary>
internal static class ForumReading
{
    /// <summary>The forum and the reader's standing there; NOT_FOUND when it does not exist for them.</summary>
    public static async Task<(ForumView Forum, ForumStanding Standing)> ForumAsync(IResolveFieldContext ctx, IQuerySession session, Guid forumId)
    {
        var visitor = await Visitors.OfAsync(session, ctx.Actor(), ctx.CancellationToken);
        var standing = await Visitors.StandingAsync(session, await session.LoadAsync<Forum>(forumId, ctx.CancellationToken), visitor, ctx.CancellationToken);
        var view = standing == ForumStanding.None ? null : await session.LoadAsync<ForumView>(forumId, ctx.CancellationToken);
        return view is null ? throw BusinessRuleException.NotFound("Forum") : (view, standing);
    }

    /// <summary>The forums of the reader's establishment they take part in (or moderate, when <paramref name="moderating"/>), newest first.</summary>
    /// <remarks>An establishment has tens to hundreds of forums: they are read whole and decided on in memory, by the domain's rule.</remarks>
    public static async Task<IReadOnlyList<ForumView>> ForumsOfAsync(IResolveFieldContext ctx, IQuerySession session, bool moderating)
    {
        if (await Visitors.OfAsync(session, ctx.Actor(), ctx.CancellationToken) is not { } visitor)
            return [];
        var forums = await session.Query<Forum>().Where(f => f.EstablishmentId == visitor.EstablishmentId).ToListAsync(ctx.CancellationToken);
        var projects = (await session.Query<Project>().Where(p => p.EstablishmentId == visitor.EstablishmentId).ToListAsync(ctx.CancellationToken))
            .ToDictionary(p => p.Id);
        var nobody = new ForumAudience(new HashSet<Guid>(), new HashSet<Guid>());
        var ids = forums
            .Where(f =>
            {
                var audience = f.Scope != ForumScope.Project ? ForumAudience.OfUnit(f.ScopeId)
                    : projects.TryGetValue(f.ScopeId, out var project) ? ProjectDecisions.ForumAudience(project) : nobody;
                var standing = ForumStandings.Of(f, audience, visitor);
                return moderating ? standing == ForumStanding.Moderator : standing != ForumStanding.None;
            })
            .Select(f => f.Id)
            .ToArray();
        return [.. (await session.LoadManyAsync<ForumView>(ctx.CancellationToken, ids)).OrderByDescending(f => f.OpenedAt).ThenBy(f => f.Id)];
    }

    public static async Task<IReadOnlyList<PostForReader>> PostsForReaderAsync(IResolveFieldContext ctx, IQuerySession session, IReadOnlyList<PostView> posts, ForumStanding standing)
    {
        var readerId = ctx.Actor().Id;
        var names = await NamesAsync(session, posts.Select(p => p.AuthorId), ctx.CancellationToken);
        return [.. posts.Select(p => new PostForReader(
            p, names.GetValueOrDefault(p.AuthorId), ModerationDecisions.MayReadBody(p.Status, p.AuthorId, standing, readerId), standing == ForumStanding.Moderator))];
    }

    public static async Task<IReadOnlyList<TopicForReader>> TopicsForReaderAsync(IResolveFieldContext ctx, IQuerySession session, IReadOnlyList<TopicView> topics)
    {
        var names = await NamesAsync(session, topics.Select(t => t.AuthorId), ctx.CancellationToken);
        return [.. topics.Select(t => new TopicForReader(t, names.GetValueOrDefault(t.AuthorId)))];
    }

    /// <summary>The post as the actor now sees it, after their own command on it.</summary>
    public static async Task<PostForReader?> PostAsync(IResolveFieldContext ctx, PostView? post)
    {
        if (post is null)
            return null;
        await using var session = ctx.OpenQuerySession();
        var (_, standing) = await ForumAsync(ctx, session, post.ForumId);
        return (await PostsForReaderAsync(ctx, session, [post], standing))[0];
    }

    public static async Task<TopicForReader?> TopicAsync(IResolveFieldContext ctx, TopicView? topic)
    {
        if (topic is null)
            return null;
        await using var session = ctx.OpenQuerySession();
        return (await TopicsForReaderAsync(ctx, session, [topic]))[0];
    }

    private static async Task<Dictionary<Guid, string?>> NamesAsync(IQuerySession session, IEnumerable<Guid> people, CancellationToken cancellationToken) =>
        (await session.LoadManyAsync<PersonDetails>(cancellationToken, people.Distinct()))
            .ToDictionary(p => p.Id, p => p.GivenName.Value is null ? null : $"{p.GivenName.Value} {p.FamilyName.Value}");
}
