using Marten.Events.Aggregation;
using MonBureau.Domain.Common;
using MonBureau.Domain.Forums;

namespace MonBureau.Projections.Forums;

/// <summary>A topic (sujet) of a forum; its title is its author's, sealed.</summary>
public sealed class TopicView
{
    public Guid Id { get; set; }
    public Guid ForumId { get; set; }
    public Guid EstablishmentId { get; set; }
    public Guid AuthorId { get; set; }
    public PersonalData Title { get; set; } = null!;
    public DateTimeOffset StartedAt { get; set; }
    public bool Locked { get; set; }
}

public partial class TopicViewProjection : SingleStreamProjection<TopicView, Guid>
{
    public static TopicView Create(TopicStarted e) => new()
    {
        Id = e.TopicId,
        ForumId = e.ForumId,
        EstablishmentId = e.EstablishmentId,
        AuthorId = e.AuthorId,
        Title = e.Title,
        StartedAt = e.StartedAt,
    };

    public static void Apply(TopicLocked e, TopicView view) => view.Locked = true;

    public static void Apply(TopicUnlocked e, TopicView view) => view.Locked = false;

    public bool ShouldDelete(TopicPurged e) => true;
}
