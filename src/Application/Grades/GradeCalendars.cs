using Marten;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.Grades;

namespace MonBureau.Application.Grades;

public static class GradeCalendars
{
    /// <summary>
    /// The establishment's grade calendar, null when there is no such establishment. Establishments opened before
    /// grades existed have no calendar document until their first grading event: they read as the default one.
    /// </summary>
    public static async Task<GradeCalendar?> LoadAsync(IQuerySession session, Guid establishmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.LoadAsync<GradeCalendar>(establishmentId, cancellationToken)
            ?? (await session.LoadAsync<Establishment>(establishmentId, cancellationToken) is null ? null : GradeCalendar.DefaultFor(establishmentId));
    }
}
