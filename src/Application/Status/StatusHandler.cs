using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.Status;

namespace MonBureau.Application.Status;

/// <summary>Publishes incidents, their updates and maintenance windows, and cancels the latter; who may is decided in <see cref="StatusDecisions"/>.</summary>
public static class StatusHandler
{
    public static async Task<Guid> Handle(DeclareIncident command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var declared = StatusDecisions.Declare(Guid.CreateVersion7(), command, Publisher(), await ExistsAsync(session, command.EstablishmentId, cancellationToken), clock.GetUtcNow());
        session.Events.StartStream<ServiceNotice>(declared.NoticeId, declared);
        return declared.NoticeId;
    }

    public static async Task<Guid> Handle(UpdateIncident command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var incident = await session.Events.FetchLatest<ServiceNotice>(command.IncidentId, cancellationToken);
        var updated = StatusDecisions.Update(command, incident, Publisher(), clock.GetUtcNow());
        session.Events.Append(updated.NoticeId, updated);
        return updated.NoticeId;
    }

    public static async Task<Guid> Handle(AnnounceMaintenance command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var announced = StatusDecisions.Announce(Guid.CreateVersion7(), command, Publisher(), await ExistsAsync(session, command.EstablishmentId, cancellationToken), clock.GetUtcNow());
        session.Events.StartStream<ServiceNotice>(announced.NoticeId, announced);
        return announced.NoticeId;
    }

    public static async Task<Guid> Handle(CancelMaintenance command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var maintenance = await session.Events.FetchLatest<ServiceNotice>(command.MaintenanceId, cancellationToken);
        var cancelled = StatusDecisions.Cancel(command, maintenance, Publisher(), clock.GetUtcNow());
        session.Events.Append(cancelled.NoticeId, cancelled);
        return cancelled.NoticeId;
    }

    private static StatusPublisher Publisher()
    {
        var actor = ActingContext.Current ?? throw new MissingActorException();
        return new StatusPublisher(actor.Id, actor.Role, actor.EstablishmentId);
    }

    private static async Task<bool> ExistsAsync(IDocumentSession session, Guid? establishmentId, CancellationToken cancellationToken) =>
        establishmentId is not { } id || await session.Events.FetchLatest<Establishment>(id, cancellationToken) is not null;
}
