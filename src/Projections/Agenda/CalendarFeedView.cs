using Marten.Events.Aggregation;
using MonBureau.Domain.CalendarFeeds;
using MonBureau.Domain.Common;

namespace MonBureau.Projections.Agenda;

/// <summary>A person's calendar feed: whose, in which profile, and the hash its URL must match while it is active.</summary>
public sealed class CalendarFeedView
{
    public Guid Id { get; set; }
    public Guid OwnerId { get; set; }
    public Role Role { get; set; }
    public Guid EstablishmentId { get; set; }

    /// <summary>Null once revoked: no URL matches a revoked feed.</summary>
    public string? TokenHash { get; set; }

    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? RotatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public bool Active => TokenHash is not null;
}

public partial class CalendarFeedViewProjection : SingleStreamProjection<CalendarFeedView, Guid>
{
    public static CalendarFeedView Create(CalendarFeedOpened e) => new()
    {
        Id = e.FeedId,
        OwnerId = e.OwnerId,
        Role = e.Role,
        EstablishmentId = e.EstablishmentId,
        TokenHash = e.TokenHash,
        OpenedAt = e.OpenedAt,
    };

    public void Apply(CalendarFeedOpened e, CalendarFeedView view)
    {
        view.TokenHash = e.TokenHash;
        view.OpenedAt = e.OpenedAt;
        view.RotatedAt = null;
        view.RevokedAt = null;
    }

    public void Apply(CalendarFeedRotated e, CalendarFeedView view)
    {
        view.TokenHash = e.TokenHash;
        view.RotatedAt = e.RotatedAt;
    }

    public void Apply(CalendarFeedRevoked e, CalendarFeedView view)
    {
        view.TokenHash = null;
        view.RevokedAt = e.RevokedAt;
    }
}
