using MonBureau.Domain.Notifications;

namespace MonBureau.Projections.Notifications;

/// <summary>
/// One person told about one event. Its id derives from the event and the person, so replaying or re-projecting an
/// event never tells anyone twice. It holds references only: texts are rendered when read, from sealed data.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; set; }
    public Guid RecipientId { get; set; }
    public Guid EstablishmentId { get; set; }
    public NotificationCategory Category { get; set; }
    public string Kind { get; set; } = "";
    public Guid? ActorId { get; set; }
    public Guid SourceId { get; set; }
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>How the e-mail channel tells the person: at once or in the daily digest.</summary>
    public NotificationPreference Delivery { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
    public DateTimeOffset? EmailedAt { get; set; }

    public NotificationItem ToItem() => new(Id, Category, Kind, ActorId, SourceId, OccurredAt);
}
