using Marten;
using MonBureau.Domain.Notifications;
using MonBureau.Projections.Agenda;
using MonBureau.Projections.Notifications;

namespace MonBureau.Host.Privacy;

/// <summary>
/// What the ENT keeps to reach a person: their notifications, their notification settings (e-mail address included) and
/// their calendar feeds — without the feeds' secret, which would let anyone holding the export read the agenda.
/// </summary>
public static class NotificationsExport
{
    public static async Task<(object Data, int Notifications, int Feeds)> GatherAsync(IQuerySession session, Guid personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var notifications = await session.Query<Notification>().Where(n => n.RecipientId == personId).OrderBy(n => n.OccurredAt).ToListAsync(cancellationToken);
        var settings = await session.LoadAsync<NotificationSettings>(personId, cancellationToken);
        var feeds = await session.Query<CalendarFeedView>().Where(f => f.OwnerId == personId).OrderBy(f => f.OpenedAt).ToListAsync(cancellationToken);
        var data = new
        {
            notifications = notifications.Select(n => new { n.Category, n.Kind, n.ActorId, n.SourceId, n.OccurredAt, n.Delivery, n.ReadAt, n.EmailedAt }),
            settings = settings is null ? null : new { chosen = settings.Chosen, email = settings.Email?.Value },
            calendarFeeds = feeds.Select(f => new { f.Id, f.Role, f.EstablishmentId, f.Active, f.OpenedAt, f.RotatedAt, f.RevokedAt }),
        };
        return (data, notifications.Count, feeds.Count);
    }
}
