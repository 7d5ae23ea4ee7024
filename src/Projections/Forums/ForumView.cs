using Marten.Events.Aggregation;
using MonBureau.Domain.Forums;

namespace MonBureau.Projections.Forums;

/// <summary>A forum as its members see it.</summary>
public sealed class ForumView
{
    public Guid Id { get; set; }
    public Guid EstablishmentId { get; set; }
    public ForumScope Scope { get; set; }

    /// <summary>The class, group or project.</summary>
    public Guid ScopeId { get; set; }
    public string Title { get; set; } = "";
    public ModerationMode Moderation { get; set; }
    public Guid OpenedBy { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public bool Locked { get; set; }
}

public partial class ForumViewProjection : SingleStreamProjection<ForumView, Guid>
{
    public static ForumView Create(ForumOpened e) => new()
    {
        Id = e.ForumId,
        EstablishmentId = e.EstablishmentId,
        Scope = e.Scope,
        ScopeId = e.ScopeId,
        Title = e.Title,
        Moderation = e.Moderation,
        OpenedBy = e.OpenedBy,
        OpenedAt = e.OpenedAt,
    };

    public static void Apply(ForumLocked e, ForumView view) => view.Locked = true;

    public static void Apply(ForumUnlocked e, ForumView view) => view.Locked = false;
}
