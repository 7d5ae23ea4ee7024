using Marten;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Discipline;
using MonBureau.Domain.People;

namespace MonBureau.Application.Discipline;

public static class GivePunishmentHandler
{
    public static async Task<Guid> Handle(GivePunishment command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var staff = await DecidingStaffLoader.LoadAsync(session, cancellationToken);
        var student = await session.Events.FetchLatest<Person>(command.StudentId, cancellationToken);
        var groups = await session.Query<SchoolGroup>().Where(g => g.Members.Contains(command.StudentId)).Select(g => g.Id).ToListAsync(cancellationToken);
        Guid[] units = student?.ClassId is { } classId ? [classId, .. groups] : [.. groups];

        var today = await DecidingStaffLoader.TodayAsync(session, staff, clock, cancellationToken);
        var given = DisciplineDecisions.GivePunishment(Guid.CreateVersion7(), command, staff, student, units, today, clock.GetUtcNow());
        session.Events.StartStream<PunishmentGiven>(given.PunishmentId, given);
        return given.PunishmentId;
    }
}
