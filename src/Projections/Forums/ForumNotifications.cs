using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using MonBureau.Domain.Common;
using MonBureau.Domain.Forums;
using MonBureau.Domain.Notifications;
using MonBureau.Domain.People;
using MonBureau.Domain.Projects;
using MonBureau.Projections.Notifications;

namespace MonBureau.Projections.Forums;

/// <summary>Tells a forum's moderators, through the common fan-out, that a post was reported or waits for their approval.</summary>
public partial class ForumNotificationProjection : EventProjection
{
    public Task Project(IEvent<PostReported> e, IDocumentOperations operations) =>
        NotifyModeratorsAsync(operations, e, e.Data.EstablishmentId, e.Data.ForumId, "forum.post.reported", e.Data.ReporterId, e.Data.PostId);

    public async Task Project(IEvent<PostWritten> e, IDocumentOperations operations)
    {
        if (e.Data.Status == PostStatus.Pending)
            await NotifyModeratorsAsync(operations, e, e.Data.EstablishmentId, e.Data.ForumId, "forum.post.pending", e.Data.AuthorId, e.Data.PostId);
    }

    // Reports and pending posts are rare next to a page of class notices: one notice at a time through the common fan-out.
    private static async Task NotifyModeratorsAsync(IDocumentOperations operations, IEvent e, Guid establishmentId, Guid forumId, string kind, Guid actorId, Guid postId)
    {
        var moderators = await ModeratorsAsync(operations, forumId);
        await NotificationFanOut.NotifyAsync(operations,
            [new Notice(e, establishmentId, NotificationCategory.Forums, kind, actorId, postId, new Audience.People(moderators))], [moderators], CancellationToken.None);
    }

    /// <summary>Whoever opened the forum, the teachers of its class or group (a project's teachers), and the direction.</summary>
    private static async Task<IReadOnlyList<Guid>> ModeratorsAsync(IQuerySession session, Guid forumId)
    {
        if (await session.LoadAsync<Forum>(forumId) is not { } forum)
            return [];
        var unitId = forum.ScopeId;
        IEnumerable<Guid> teachers = forum.Scope != ForumScope.Project
            ? await session.Query<Person>().Where(p => p.Teachings.Any(t => t.TeachingUnitId == unitId)).Select(p => p.Id).ToListAsync()
            : (await session.LoadAsync<Project>(forum.ScopeId))?.Teachers() ?? Enumerable.Empty<Guid>();
        var establishmentId = forum.EstablishmentId;
        var direction = await session.Query<Person>()
            .Where(p => p.Profiles.Any(pr => pr.Role == Role.Direction && pr.EstablishmentId == establishmentId)).Select(p => p.Id).ToListAsync();
        return [forum.OpenedBy, .. teachers, .. direction];
    }
}
