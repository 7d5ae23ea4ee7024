using Marten;
using JasperFx.Events;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Attendance;
using MonBureau.Domain.Common;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.People;

namespace MonBureau.Application.Attendance;

/// <summary>Loading what attendance decisions need: a student's record for writing, the establishment's reasons, its local date.</summary>
internal static class AttendanceRecords
{
    /// <summary>The student's record in that establishment, opened for an optimistic-concurrency append (empty when new).</summary>
    public static async Task<(IEventStream<StudentAttendance> Stream, StudentAttendance Record)> ForWritingAsync(
        IDocumentSession session, Guid studentId, Guid establishmentId, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<StudentAttendance>(AttendanceIds.StudentRecord(studentId, establishmentId), cancellationToken);
        return (stream, stream.Aggregate ?? StudentAttendance.Empty(studentId, establishmentId));
    }

    /// <summary>The record holding that absence, in the actor's establishment; another school's absence is not found.</summary>
    public static async Task<IEventStream<StudentAttendance>> HoldingAbsenceAsync(IDocumentSession session, Guid absenceId, Actor actor, CancellationToken cancellationToken)
    {
        var recordId = await session.Query<StudentAttendance>()
            .Where(r => r.EstablishmentId == actor.EstablishmentId && r.Absences.Any(a => a.Id == absenceId))
            .Select(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var stream = recordId == Guid.Empty ? null : await session.Events.FetchForWriting<StudentAttendance>(recordId, cancellationToken);
        return stream?.Aggregate is null ? throw BusinessRuleException.NotFound("Absence") : stream;
    }

    /// <summary>A student of the actor's establishment, or NOT_FOUND.</summary>
    public static async Task<Person> StudentAsync(IDocumentSession session, Guid studentId, Actor actor, CancellationToken cancellationToken)
    {
        var student = await session.Events.FetchLatest<Person>(studentId, cancellationToken);
        return student is not null && actor.EstablishmentId is { } establishmentId && student.Holds(Role.Student, establishmentId)
            ? student
            : throw BusinessRuleException.NotFound("Student");
    }

    public static async Task<AbsenceReasonCatalog> CatalogAsync(IDocumentSession session, Guid establishmentId, CancellationToken cancellationToken) =>
        await session.Events.FetchLatest<AbsenceReasonCatalog>(establishmentId, cancellationToken) ?? throw BusinessRuleException.NotFound("Establishment");

    public static async Task<DateOnly> TodayAsync(IDocumentSession session, TimeProvider clock, Guid establishmentId, CancellationToken cancellationToken) =>
        Establishments.EstablishmentClock.Today(clock, await session.Events.FetchLatest<Establishment>(establishmentId, cancellationToken));

    /// <summary>The school-life office, or the direction where a rule lets it act too.</summary>
    public static Actor RequireStaff(params Role[] roles)
    {
        var actor = ActingContext.Current ?? throw new MissingActorException();
        return roles.Contains(actor.Role) && actor.EstablishmentId is not null ? actor : throw BusinessRuleException.Forbidden();
    }
}
