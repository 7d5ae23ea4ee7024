using Marten;
using MonBureau.Application.Agenda;
using MonBureau.Application.Auditing;
using MonBureau.Application.Homework;
using MonBureau.Domain.Common;
using MonBureau.Domain.Portal;
using MonBureau.Domain.VirtualClasses;

namespace MonBureau.Application.VirtualClasses;

/// <summary>
/// A virtual class is an agenda entry (scheduled through the agenda's own handler, so its rules and notifications apply)
/// plus the provider's room from the establishment's virtual-classroom connector.
/// </summary>
public static class VirtualClassHandler
{
    public static async Task<Guid> Handle(ScheduleVirtualClass command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Require(Role.Teacher);
        var establishmentId = actor.EstablishmentId ?? throw BusinessRuleException.Forbidden();
        var id = Guid.CreateVersion7();
        var connector = await session.Events.FetchLatest<Connector>(command.ConnectorId, cancellationToken);
        var setting = await session.Events.FetchLatest<ConnectorSetting>(ConnectorSetting.IdFor(establishmentId, command.ConnectorId), cancellationToken);
        var entry = VirtualClassDecisions.AgendaEntry(command, VirtualClassDecisions.JoinUrl(connector, setting, id));

        var agendaEventId = await AgendaHandler.Handle(entry, session, clock, cancellationToken);
        var scheduled = VirtualClassDecisions.Scheduled(id, agendaEventId, entry, establishmentId, actor.Id, command.ConnectorId, clock.GetUtcNow());
        session.Events.StartStream<VirtualClass>(scheduled.VirtualClassId, scheduled);
        return scheduled.VirtualClassId;
    }

    public static async Task<Guid> Handle(RecordVirtualClassAttendance command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Require(Role.Teacher);
        var virtualClass = await session.Events.FetchLatest<VirtualClass>(command.VirtualClassId, cancellationToken);
        var students = virtualClass is null ? [] : await AssignHomeworkHandler.StudentsOfAsync(session, virtualClass.TeachingUnitId, cancellationToken);
        var recorded = VirtualClassDecisions.RecordAttendance(command, actor.Id, virtualClass, students, clock.GetUtcNow());
        session.Events.Append(recorded.VirtualClassId, recorded);
        return recorded.VirtualClassId;
    }
}
