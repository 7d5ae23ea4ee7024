using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using MonBureau.Domain.Status;

namespace MonBureau.Projections.Status;

/// <summary>One step of an incident's timeline, as the public status page shows it (without its author).</summary>
public sealed record NoticeUpdate(IncidentStatus Status, string Message, DateTimeOffset At);

/// <summary>An incident or maintenance window as the public status page and the home-page banners show it.</summary>
public sealed class ServiceNoticeView
{
    public Guid Id { get; set; }
    public NoticeKind Kind { get; set; }

    /// <summary>Null for the whole platform.</summary>
    public Guid? EstablishmentId { get; set; }
    public List<PlatformModule> Modules { get; set; } = [];
    public string Title { get; set; } = "";

    /// <summary>The latest message.</summary>
    public string Message { get; set; } = "";
    public IncidentStatus Status { get; set; }

    /// <summary>When the incident was declared, or when the maintenance starts.</summary>
    public DateTimeOffset StartsAt { get; set; }

    /// <summary>When the incident was resolved, or when the maintenance ends; null while an incident is open.</summary>
    public DateTimeOffset? EndsAt { get; set; }
    public DateTimeOffset PublishedAt { get; set; }

    /// <summary>When a maintenance window was called off; it is then shown nowhere but by its id.</summary>
    public DateTimeOffset? CancelledAt { get; set; }
    public List<NoticeUpdate> Timeline { get; set; } = [];
}

public partial class ServiceNoticeViewProjection : SingleStreamProjection<ServiceNoticeView, Guid>
{
    public static ServiceNoticeView Create(IncidentDeclared e) => new()
    {
        Id = e.NoticeId,
        Kind = NoticeKind.Incident,
        EstablishmentId = e.EstablishmentId,
        Modules = [.. e.Modules],
        Title = e.Title,
        Message = e.Message,
        Status = IncidentStatus.Investigating,
        StartsAt = e.DeclaredAt,
        PublishedAt = e.DeclaredAt,
        Timeline = [new NoticeUpdate(IncidentStatus.Investigating, e.Message, e.DeclaredAt)],
    };

    public static ServiceNoticeView Create(MaintenanceAnnounced e) => new()
    {
        Id = e.NoticeId,
        Kind = NoticeKind.Maintenance,
        EstablishmentId = e.EstablishmentId,
        Modules = [.. e.Modules],
        Title = e.Title,
        Message = e.Message,
        StartsAt = e.StartsAt,
        EndsAt = e.EndsAt,
        PublishedAt = e.AnnouncedAt,
    };

    public static void Apply(IncidentUpdated e, ServiceNoticeView view)
    {
        view.Status = e.Status;
        view.Message = e.Message;
        view.Timeline.Add(new NoticeUpdate(e.Status, e.Message, e.UpdatedAt));
        if (e.Status == IncidentStatus.Resolved)
            view.EndsAt = e.UpdatedAt;
    }

    public static void Apply(MaintenanceCancelled e, ServiceNoticeView view) => view.CancelledAt = e.CancelledAt;
}

public static class StatusProjectionsSetup
{
    public static void AddStatusProjections(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<ServiceNoticeViewProjection>(ProjectionLifecycle.Inline);
    }
}
