using Marten;
using MonBureau.Domain.Attendance;
using MonBureau.Domain.Common;

namespace MonBureau.Application.Attendance;

public static class RecordAbsenceHandler
{
    public static async Task<Guid> Handle(RecordAbsence command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = AttendanceRecords.RequireStaff(Role.SchoolLifeOffice);
        var establishmentId = actor.EstablishmentId!.Value;
        await AttendanceRecords.StudentAsync(session, command.StudentId, actor, cancellationToken);
        var catalog = await AttendanceRecords.CatalogAsync(session, establishmentId, cancellationToken);
        var today = await AttendanceRecords.TodayAsync(session, clock, establishmentId, cancellationToken);
        var (stream, record) = await AttendanceRecords.ForWritingAsync(session, command.StudentId, establishmentId, cancellationToken);

        var absenceId = Guid.CreateVersion7();
        stream.AppendMany(AttendanceDecisions.RecordAbsence(record, command, catalog, absenceId, actor.Id, today, clock.GetUtcNow()));
        return absenceId;
    }
}

public static class RecordLatenessHandler
{
    public static async Task<Guid> Handle(RecordLateness command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = AttendanceRecords.RequireStaff(Role.SchoolLifeOffice);
        var establishmentId = actor.EstablishmentId!.Value;
        await AttendanceRecords.StudentAsync(session, command.StudentId, actor, cancellationToken);
        var catalog = await AttendanceRecords.CatalogAsync(session, establishmentId, cancellationToken);
        var today = await AttendanceRecords.TodayAsync(session, clock, establishmentId, cancellationToken);
        var (stream, record) = await AttendanceRecords.ForWritingAsync(session, command.StudentId, establishmentId, cancellationToken);

        var lateness = AttendanceDecisions.RecordLateness(record, command, catalog, Guid.CreateVersion7(), actor.Id, today, clock.GetUtcNow());
        stream.AppendOne(lateness);
        return lateness.LatenessId;
    }
}
