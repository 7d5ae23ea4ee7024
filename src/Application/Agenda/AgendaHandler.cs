using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Agenda;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Application.Agenda;

/// <summary>Schedules, revises and cancels agenda events; who may is decided in <see cref="AgendaDecisions"/>.</summary>
public static class AgendaHandler
{
    public static async Task<Guid> Handle(ScheduleAgendaEvent command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var editor = await AgendaEditors.CurrentAsync(session, cancellationToken);
        var unit = command.TeachingUnitId is not { } unitId ? null : command.Audience switch
        {
            AgendaAudience.Class => await session.Events.FetchLatest<SchoolClass>(unitId, cancellationToken) is { } c ? new TeachingUnit(c.Id, c.EstablishmentId) : null,
            AgendaAudience.Group => await session.Events.FetchLatest<SchoolGroup>(unitId, cancellationToken) is { } g ? new TeachingUnit(g.Id, g.EstablishmentId) : null,
            _ => null,
        };

        var scheduled = AgendaDecisions.Schedule(Guid.CreateVersion7(), command, editor, unit, clock.GetUtcNow());
        session.Events.StartStream<AgendaEvent>(scheduled.EventId, scheduled);
        return scheduled.EventId;
    }

    public static async Task<Guid> Handle(ReviseAgendaEvent command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var editor = await AgendaEditors.CurrentAsync(session, cancellationToken);
        var existing = await session.Events.FetchLatest<AgendaEvent>(command.EventId, cancellationToken);
        var revised = AgendaDecisions.Revise(command, existing, editor, clock.GetUtcNow());
        session.Events.Append(revised.EventId, revised);
        return revised.EventId;
    }

    public static async Task<Guid> Handle(CancelAgendaEvent command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var editor = await AgendaEditors.CurrentAsync(session, cancellationToken);
        var existing = await session.Events.FetchLatest<AgendaEvent>(command.EventId, cancellationToken);
        var cancelled = AgendaDecisions.Cancel(existing, editor, clock.GetUtcNow());
        session.Events.Append(cancelled.EventId, cancelled);
        return cancelled.EventId;
    }
}

internal static class AgendaEditors
{
    public static async Task<AgendaEditor> CurrentAsync(IDocumentSession session, CancellationToken cancellationToken)
    {
        var actor = ActingContext.Current ?? throw new MissingActorException();
        if (actor.EstablishmentId is not { } establishmentId)
            throw BusinessRuleException.Forbidden();
        var person = await session.Events.FetchLatest<Person>(actor.Id, cancellationToken) ?? throw BusinessRuleException.Forbidden();
        return new AgendaEditor(person, actor.Role, establishmentId);
    }
}
