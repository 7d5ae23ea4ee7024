using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Files;
using MonBureau.Domain.Attendance;
using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Application.Attendance;

public static class JustifyAbsenceHandler
{
    public static async Task<Guid> Handle(JustifyAbsence command, IDocumentSession session, FileStore files, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(files);
        var actor = ActingContext.Require(Role.Guardian);
        var guardian = await session.Events.FetchLatest<Person>(actor.Id, cancellationToken) ?? throw BusinessRuleException.NotFound("Absence");
        var stream = await AttendanceRecords.HoldingAbsenceAsync(session, command.AbsenceId, actor, cancellationToken);
        var catalog = await AttendanceRecords.CatalogAsync(session, stream.Aggregate!.EstablishmentId, cancellationToken);

        var uploads = (command.Documents ?? []).Select(f => (FileId: Guid.CreateVersion7(), File: f)).ToList();
        var now = clock.GetUtcNow();

        var submitted = AttendanceDecisions.Justify(stream.Aggregate, command, guardian, catalog, uploads, now);
        files.StageAll(session, submitted.Documents ?? [], uploads.Select(u => u.File), submitted.EstablishmentId, now);
        stream.AppendOne(submitted);
        return command.AbsenceId;
    }
}

public static class AcceptAbsenceJustificationHandler
{
    public static async Task<Guid> Handle(AcceptAbsenceJustification command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = AttendanceRecords.RequireStaff(Role.SchoolLifeOffice);
        var stream = await AttendanceRecords.HoldingAbsenceAsync(session, command.AbsenceId, actor, cancellationToken);
        var catalog = await AttendanceRecords.CatalogAsync(session, stream.Aggregate!.EstablishmentId, cancellationToken);

        stream.AppendOne(AttendanceDecisions.Accept(stream.Aggregate, command, catalog, actor.Id, clock.GetUtcNow()));
        return command.AbsenceId;
    }
}

public static class RejectAbsenceJustificationHandler
{
    public static async Task<Guid> Handle(RejectAbsenceJustification command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = AttendanceRecords.RequireStaff(Role.SchoolLifeOffice);
        var stream = await AttendanceRecords.HoldingAbsenceAsync(session, command.AbsenceId, actor, cancellationToken);

        stream.AppendMany(AttendanceDecisions.Reject(stream.Aggregate, command, actor.Id, clock.GetUtcNow()));
        return command.AbsenceId;
    }
}
