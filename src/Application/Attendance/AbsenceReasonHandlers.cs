using Marten;
using MonBureau.Domain.Attendance;
using MonBureau.Domain.Common;

namespace MonBureau.Application.Attendance;

public static class AddAbsenceReasonHandler
{
    public static async Task<Guid> Handle(AddAbsenceReason command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var actor = AttendanceRecords.RequireStaff(Role.SchoolLifeOffice, Role.Direction);
        var establishmentId = actor.EstablishmentId!.Value;
        var catalog = await session.Events.FetchForWriting<AbsenceReasonCatalog>(establishmentId, cancellationToken);
        catalog.AppendOne(AbsenceReasonDecisions.Add(command, catalog.Aggregate));
        return establishmentId;
    }
}

public static class RetireAbsenceReasonHandler
{
    public static async Task<Guid> Handle(RetireAbsenceReason command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var actor = AttendanceRecords.RequireStaff(Role.SchoolLifeOffice, Role.Direction);
        var establishmentId = actor.EstablishmentId!.Value;
        var catalog = await session.Events.FetchForWriting<AbsenceReasonCatalog>(establishmentId, cancellationToken);
        catalog.AppendOne(AbsenceReasonDecisions.Retire(command, catalog.Aggregate));
        return establishmentId;
    }
}
