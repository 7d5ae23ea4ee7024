using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Establishments;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.Discipline;
using MonBureau.Domain.Establishments;
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

internal static class DecidingStaffLoader
{
    /// <summary>The acting profile comes from the access token; a teacher's teachings from their record.</summary>
    public static async Task<DecidingStaff> LoadAsync(IDocumentSession session, CancellationToken cancellationToken)
    {
        var actor = ActingContext.Current ?? throw new MissingActorException();
        var teachings = actor.Role == Role.Teacher
            ? (await session.Events.FetchLatest<Person>(actor.Id, cancellationToken))?.Teachings ?? []
            : [];
        return new DecidingStaff(actor.Id, actor.Role, actor.EstablishmentId, teachings);
    }

    /// <summary>The decision's date is the establishment's local date: it fixes the school year, hence the erasure date.</summary>
    public static async Task<DateOnly> TodayAsync(IDocumentSession session, DecidingStaff staff, TimeProvider clock, CancellationToken cancellationToken)
    {
        var establishment = staff.EstablishmentId is { } id ? await session.Events.FetchLatest<Establishment>(id, cancellationToken) : null;
        return EstablishmentClock.Today(clock, establishment);
    }
}
