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
    public async Task Project(IEvent<PostReported> e, IDocumentOperations operations) =>
        await NotificationFanOut.NotifyAsync(operations, e, e.Data.EstablishmentId, NotificationCategory.Forums, "forum.post.reported", e.Data.ReporterId, e.Data.PostId,
            await ModeratorsAsync(operations, e.Data.ForumId));

    public async Task Project(IEvent<PostWritten> e, IDocumentOperations operations)
    {
        if (e.Data.Status == PostStatus.Pending)
            await NotificationFanOut.NotifyAsync(operations, e, e.Data.EstablishmentId, NotificationCategory.Forums, "forum.post.pending", e.Data.AuthorId, e.Data.PostId,
                await ModeratorsAsync(operations, e.Data.ForumId));
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
        return [forum.OpenedBy, .. teachers, .. await NotificationFanOut.MembersAsync(session, forum.EstablishmentId, Role.Direction)];
    }
}
