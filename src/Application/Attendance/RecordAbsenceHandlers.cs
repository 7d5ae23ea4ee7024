using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Attendance;
using MonBureau.Domain.Common;
using JasperFx.Events;

namespace MonBureau.Application.Attendance;

/// <summary>What the school-life office needs to note something on a student's attendance record.</summary>
internal sealed record OfficeNote(Actor Actor, AbsenceReasonCatalog Catalog, DateOnly Today, IEventStream<StudentAttendance> Stream, StudentAttendance Record)
{
    public static async Task<OfficeNote> OpenAsync(IDocumentSession session, Guid studentId, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = AttendanceRecords.RequireStaff(Role.SchoolLifeOffice);
        var establishmentId = actor.EstablishmentId!.Value;
        await AttendanceRecords.StudentAsync(session, studentId, actor, cancellationToken);
        var catalog = await AttendanceRecords.CatalogAsync(session, establishmentId, cancellationToken);
        var today = await AttendanceRecords.TodayAsync(session, clock, establishmentId, cancellationToken);
        var (stream, record) = await AttendanceRecords.ForWritingAsync(session, studentId, establishmentId, cancellationToken);
        return new OfficeNote(actor, catalog, today, stream, record);
    }
}

public static class RecordAbsenceHandler
{
    public static async Task<Guid> Handle(RecordAbsence command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var note = await OfficeNote.OpenAsync(session, command.StudentId, clock, cancellationToken);
        var absenceId = Guid.CreateVersion7();
        note.Stream.AppendMany(AttendanceDecisions.RecordAbsence(note.Record, command, note.Catalog, absenceId, note.Actor.Id, note.Today, clock.GetUtcNow()));
        return absenceId;
    }
}

public static class RecordLatenessHandler
{
    public static async Task<Guid> Handle(RecordLateness command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var note = await OfficeNote.OpenAsync(session, command.StudentId, clock, cancellationToken);
        var lateness = AttendanceDecisions.RecordLateness(note.Record, command, note.Catalog, Guid.CreateVersion7(), note.Actor.Id, note.Today, clock.GetUtcNow());
        note.Stream.AppendOne(lateness);
        return lateness.LatenessId;
    }
}
