using MonBureau.Domain.Common;

namespace MonBureau.Domain.Status;

/// <summary><c>EstablishmentId</c> null: the whole platform (region administrators only) or, for an establishment administrator, their own.</summary>
public sealed record DeclareIncident(Guid? EstablishmentId, IReadOnlyList<PlatformModule> Modules, string Title, string Message);

public sealed record UpdateIncident(Guid IncidentId, IncidentStatus Status, string Message);

public sealed record AnnounceMaintenance(
    Guid? EstablishmentId, IReadOnlyList<PlatformModule> Modules, string Title, string Message, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

public sealed record CancelMaintenance(Guid MaintenanceId);

/// <summary>
/// Who publishes on the status page: a region administrator (<c>EstablishmentId</c> null) for the platform or any
/// establishment, an establishment administrator for their own establishment only.
/// </summary>
public sealed record StatusPublisher(Guid PersonId, Role Role, Guid? EstablishmentId);

public static class StatusDecisions
{
    public static readonly TimeSpan MaxMaintenance = TimeSpan.FromDays(3);
    public const int MessageLength = 2_000;

    /// <param name="establishmentExists">Whether the establishment named by the command exists (true when none is named).</param>
    public static IncidentDeclared Declare(Guid newId, DeclareIncident command, StatusPublisher publisher, bool establishmentExists, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var scope = Scope(command.EstablishmentId, publisher, establishmentExists);
        return new IncidentDeclared(newId, scope, Modules(command.Modules), Require.Text(command.Title, "Title", 200),
            Require.Text(command.Message, "Message", MessageLength), publisher.PersonId, now);
    }

    public static IncidentUpdated Update(UpdateIncident command, ServiceNotice? incident, StatusPublisher publisher, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(publisher);
        if (incident is null || incident.Kind != NoticeKind.Incident || !MayPublishFor(publisher, incident.EstablishmentId))
            throw BusinessRuleException.NotFound("Incident");
        if (incident.Status == IncidentStatus.Resolved)
            throw new BusinessRuleException(ErrorCodes.Conflict, "This incident is resolved; declare a new one if the problem is back.");
        if (!Enum.IsDefined(command.Status) || command.Status < incident.Status)
            throw BusinessRuleException.Invalid("An incident moves forward only: investigating, identified, then resolved.");
        return new IncidentUpdated(incident.Id, incident.EstablishmentId, command.Status, Require.Text(command.Message, "Message", MessageLength), publisher.PersonId, now);
    }

    public static MaintenanceAnnounced Announce(Guid newId, AnnounceMaintenance command, StatusPublisher publisher, bool establishmentExists, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var scope = Scope(command.EstablishmentId, publisher, establishmentExists);
        if (command.EndsAt <= command.StartsAt)
            throw BusinessRuleException.Invalid("The maintenance must end after it starts.");
        if (command.EndsAt - command.StartsAt > MaxMaintenance)
            throw BusinessRuleException.Invalid($"A maintenance window lasts at most {MaxMaintenance.TotalDays:0} days.");
        if (command.EndsAt <= now)
            throw BusinessRuleException.Invalid("The maintenance must end in the future.");
        if (command.StartsAt > now.AddYears(1))
            throw BusinessRuleException.Invalid("The maintenance must start within a year.");
        return new MaintenanceAnnounced(newId, scope, Modules(command.Modules), Require.Text(command.Title, "Title", 200),
            Require.Text(command.Message, "Message", MessageLength), command.StartsAt, command.EndsAt, publisher.PersonId, now);
    }

    /// <summary>Whoever may announce it cancels a maintenance window that has not ended, once.</summary>
    public static MaintenanceCancelled Cancel(CancelMaintenance command, ServiceNotice? maintenance, StatusPublisher publisher, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(publisher);
        if (maintenance is null || maintenance.Kind != NoticeKind.Maintenance || !MayPublishFor(publisher, maintenance.EstablishmentId))
            throw BusinessRuleException.NotFound("Maintenance");
        if (maintenance.Cancelled)
            throw new BusinessRuleException(ErrorCodes.Conflict, "This maintenance window is already cancelled.");
        if (maintenance.EndsAt <= now)
            throw new BusinessRuleException(ErrorCodes.Conflict, "This maintenance window is over: there is nothing left to cancel.");
        return new MaintenanceCancelled(maintenance.Id, maintenance.EstablishmentId, publisher.PersonId, now);
    }

    /// <summary>The establishment the notice is for, null for the platform; another establishment answers like a missing one.</summary>
    private static Guid? Scope(Guid? named, StatusPublisher publisher, bool establishmentExists)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        if (publisher.Role == Role.RegionAdministrator)
            return named is null || establishmentExists ? named : throw BusinessRuleException.NotFound("Establishment");
        if (publisher.Role != Role.EstablishmentAdministrator || publisher.EstablishmentId is not { } own)
            throw BusinessRuleException.Forbidden();
        return named is null || named == own ? own : throw BusinessRuleException.NotFound("Establishment");
    }

    private static bool MayPublishFor(StatusPublisher publisher, Guid? establishmentId) =>
        publisher.Role == Role.RegionAdministrator
        || (publisher.Role == Role.EstablishmentAdministrator && establishmentId is not null && establishmentId == publisher.EstablishmentId);

    private static List<PlatformModule> Modules(IReadOnlyList<PlatformModule>? modules)
    {
        var distinct = (modules ?? []).Distinct().ToList();
        if (distinct.Count == 0)
            throw BusinessRuleException.Invalid("Name at least one affected module.");
        return distinct.Any(m => !Enum.IsDefined(m)) ? throw BusinessRuleException.Invalid("Unknown module.") : distinct;
    }
}
