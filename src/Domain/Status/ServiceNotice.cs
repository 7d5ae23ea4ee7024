namespace MonBureau.Domain.Status;

/// <summary>Parts of the platform an incident or a maintenance window can affect.</summary>
public enum PlatformModule
{
    SignIn,
    Messaging,
    Homework,
    LessonLog,
    Grades,
    Attendance,
    Agenda,
    Resources,
    Files,
    Notifications,
    Portal,
    VirtualClasses,
}

/// <summary>An unplanned incident, or a maintenance window announced ahead.</summary>
public enum NoticeKind
{
    Incident,
    Maintenance,
}

/// <summary>Where an incident stands; it only moves forward: investigating → identified → resolved.</summary>
public enum IncidentStatus
{
    Investigating,
    Identified,
    Resolved,
}

/// <summary>
/// An incident has started. <c>EstablishmentId</c> is null for the whole platform. Title and message describe systems,
/// not people (ADR 0028): they stay plain so the public status page needs no key.
/// </summary>
public sealed record IncidentDeclared(
    Guid NoticeId, Guid? EstablishmentId, IReadOnlyList<PlatformModule> Modules, string Title, string Message, Guid DeclaredBy, DateTimeOffset DeclaredAt);

/// <summary>One step of an incident's timeline; <see cref="IncidentStatus.Resolved"/> ends it.</summary>
public sealed record IncidentUpdated(Guid NoticeId, Guid? EstablishmentId, IncidentStatus Status, string Message, Guid UpdatedBy, DateTimeOffset UpdatedAt);

/// <summary>Planned work during which the modules are unavailable or slow.</summary>
public sealed record MaintenanceAnnounced(
    Guid NoticeId, Guid? EstablishmentId, IReadOnlyList<PlatformModule> Modules, string Title, string Message,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, Guid AnnouncedBy, DateTimeOffset AnnouncedAt);

/// <summary>An announced maintenance window will not take place: it leaves the status page and the banners.</summary>
public sealed record MaintenanceCancelled(Guid NoticeId, Guid? EstablishmentId, Guid CancelledBy, DateTimeOffset CancelledAt);

/// <summary>What deciding on a notice needs: its kind, scope, for an incident where it stands, for a maintenance window its end and whether it was cancelled.</summary>
public sealed record ServiceNotice(Guid Id, NoticeKind Kind, Guid? EstablishmentId, IncidentStatus Status, DateTimeOffset? EndsAt = null, bool Cancelled = false)
{
    public static ServiceNotice Create(IncidentDeclared e) => new(e.NoticeId, NoticeKind.Incident, e.EstablishmentId, IncidentStatus.Investigating);

    public static ServiceNotice Create(MaintenanceAnnounced e) => new(e.NoticeId, NoticeKind.Maintenance, e.EstablishmentId, IncidentStatus.Investigating, e.EndsAt);

    public ServiceNotice Apply(IncidentUpdated e) => this with { Status = e.Status };

    public ServiceNotice Apply(MaintenanceCancelled e) => this with { Cancelled = true };
}
