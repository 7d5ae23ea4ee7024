using Marten;
using MonBureau.Domain.Common;
using MonBureau.Domain.Discipline;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.LessonLog;
using MonBureau.Domain.Privacy;

namespace MonBureau.Application.Privacy;

/// <summary>The official records that still need a person's key, with the date each may go.</summary>
internal static class OfficialRecords
{
    public static async Task<IReadOnlyList<RecordKept>> OfAsync(IQuerySession session, Guid personId, CancellationToken cancellationToken)
    {
        var kept = new List<RecordKept>();
        var lessons = await session.Query<LessonLogEntry>().Where(e => e.TeacherId == personId).ToListAsync(cancellationToken);
        foreach (var byEstablishment in lessons.GroupBy(e => e.EstablishmentId))
        {
            var establishment = await session.LoadAsync<Establishment>(byEstablishment.Key, cancellationToken);
            var retention = establishment?.Retention(RetentionCategory.LessonLog) ?? RetentionRegistry.Rule(RetentionCategory.LessonLog).Duration!.Value;
            var lastYearEnd = SchoolYear.Containing(byEstablishment.Max(e => e.LessonDate)).LastDay;
            kept.Add(new RecordKept(RetentionCategory.LessonLog, lastYearEnd.AddDays((int)retention.TotalDays), "the lesson log (cahier de textes) they wrote is an official record"));
        }

        var sanctions = await session.Query<Sanction>().Where(s => s.StudentId == personId && !s.Erased).ToListAsync(cancellationToken);
        if (sanctions.Count > 0)
            kept.Add(new RecordKept(RetentionCategory.Sanctions, sanctions.Max(s => s.ErasedOn), "a disciplinary sanction stays on their file (Code de l'éducation R511-13)"));
        return kept;
    }
}
