using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Application.Teaching;

public static class AssignTeachingHandler
{
    public static async Task<Guid> Handle(AssignTeaching command, IDocumentSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Require(Role.EstablishmentAdministrator);
        var unit = await TeachingUnitAsync(session, command.TeachingUnitId, cancellationToken);
        if (unit is not null && !actor.ActsIn(unit.EstablishmentId))
            unit = null;
        var teacher = await session.Events.FetchLatest<Person>(command.TeacherId, cancellationToken);
        session.Events.Append(command.TeacherId, TeachingDecisions.Assign(command, teacher, unit));
        return command.TeacherId;
    }

    /// <summary>A class or a group: teachings, homework and roll calls address either the same way.</summary>
    internal static async Task<TeachingUnit?> TeachingUnitAsync(IDocumentSession session, Guid id, CancellationToken cancellationToken)
    {
        if (await session.Events.FetchLatest<SchoolClass>(id, cancellationToken) is { } schoolClass)
            return new TeachingUnit(schoolClass.Id, schoolClass.EstablishmentId);
        return await session.Events.FetchLatest<SchoolGroup>(id, cancellationToken) is { } group ? new TeachingUnit(group.Id, group.EstablishmentId) : null;
    }
}

public static class WithdrawTeachingHandler
{
    public static async Task<Guid> Handle(WithdrawTeaching command, IDocumentSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Require(Role.EstablishmentAdministrator);
        var unit = await AssignTeachingHandler.TeachingUnitAsync(session, command.TeachingUnitId, cancellationToken);
        var teacher = unit is not null && actor.ActsIn(unit.EstablishmentId)
            ? await session.Events.FetchLatest<Person>(command.TeacherId, cancellationToken)
            : null;
        session.Events.Append(command.TeacherId, TeachingDecisions.Withdraw(command, teacher, unit?.EstablishmentId ?? Guid.Empty));
        return command.TeacherId;
    }
}
