using Marten;
using MonBureau.Domain.Discipline;
using MonBureau.Domain.People;

namespace MonBureau.Application.Discipline;

public static class PronounceSanctionHandler
{
    public static async Task<Guid> Handle(PronounceSanction command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var staff = await DecidingStaffLoader.LoadAsync(session, cancellationToken);
        var student = await session.Events.FetchLatest<Person>(command.StudentId, cancellationToken);

        var today = await DecidingStaffLoader.TodayAsync(session, staff, clock, cancellationToken);
        var pronounced = DisciplineDecisions.PronounceSanction(Guid.CreateVersion7(), command, staff, student, today, clock.GetUtcNow());
        session.Events.StartStream<Sanction>(pronounced.SanctionId, pronounced);
        return pronounced.SanctionId;
    }
}
