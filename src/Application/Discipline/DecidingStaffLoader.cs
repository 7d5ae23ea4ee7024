using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Establishments;
using MonBureau.Domain.Common;
using MonBureau.Domain.Discipline;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.People;

namespace MonBureau.Application.Discipline;

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
