using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Files;
using MonBureau.Application.Teaching;
using MonBureau.Domain.Common;
using MonBureau.Domain.LessonLog;
using MonBureau.Domain.People;

namespace MonBureau.Application.LessonLog;

public static class WriteLessonLogEntryHandler
{
    public static async Task<Guid> Handle(WriteLessonLogEntry command, IDocumentSession session, FileStore files, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(files);
        var actor = ActingContext.Require(Role.Teacher);
        var teacher = await session.Events.FetchLatest<Person>(actor.Id, cancellationToken) ?? throw BusinessRuleException.Forbidden();
        var unit = await AssignTeachingHandler.TeachingUnitAsync(session, command.TeachingUnitId, cancellationToken);
        if (unit is not null && !actor.ActsIn(unit.EstablishmentId))
            unit = null;

        var uploads = (command.Attachments ?? []).Select(f => (FileId: Guid.CreateVersion7(), File: f)).ToList();
        var now = clock.GetUtcNow();

        var written = LessonLogDecisions.Write(Guid.CreateVersion7(), command, teacher, unit, uploads, now);
        files.StageAll(session, written.Attachments ?? [], uploads.Select(u => u.File), written.EstablishmentId, now);
        session.Events.StartStream<LessonLogEntry>(written.EntryId, written);
        return written.EntryId;
    }
}

public static class EditLessonLogEntryHandler
{
    public static async Task<Guid> Handle(EditLessonLogEntry command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Require(Role.Teacher);
        var entry = await session.Events.FetchLatest<LessonLogEntry>(command.EntryId, cancellationToken);
        if (entry is not null && !actor.ActsIn(entry.EstablishmentId))
            entry = null;

        var edited = LessonLogDecisions.Edit(command, actor.Id, entry, clock.GetUtcNow());
        session.Events.Append(edited.EntryId, edited);
        return edited.EntryId;
    }
}
