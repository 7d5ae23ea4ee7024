using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Establishments;
using MonBureau.Application.Files;
using MonBureau.Application.Privacy;
using MonBureau.Domain.Common;
using MonBureau.Domain.LessonLog;
using MonBureau.Domain.Privacy;

namespace MonBureau.Application.LessonLog;

/// <summary>
/// The lesson log is an official record kept for years after its school year (5 by default, the establishment may
/// choose 1 to 10); then each entry's content is masked in its events (the teacher's key outlives it), its
/// attachments deleted, and it leaves the lesson log.
/// </summary>
internal static class LessonLogPurge
{
    public static async Task<IReadOnlyList<Guid?>> RunAsync(IDocumentSession session, EventChainSealer eventChain, TimeProvider clock, bool dryRun, CancellationToken cancellationToken)
    {
        var today = EstablishmentClock.Today(clock, null);
        var currentYearStart = SchoolYear.Containing(today).FirstDay;
        var kept = await RetentionCutoffs.LoadAsync(session, RetentionCategory.LessonLog, cancellationToken);
        var candidates = await session.Query<LessonLogEntry>().Where(e => e.LessonDate < currentYearStart).ToListAsync(cancellationToken);
        var due = candidates
            .Where(e => SchoolYear.Containing(e.LessonDate).LastDay.AddDays((int)kept.For(e.EstablishmentId).TotalDays) < today)
            .ToList();
        Guid?[] establishments = [.. due.Select(e => (Guid?)e.EstablishmentId)];
        if (dryRun || due.Count == 0)
            return establishments;

        var files = new List<Guid>();
        foreach (var entry in due)
        {
            var events = await session.Events.FetchStreamAsync(entry.Id, token: cancellationToken);
            files.AddRange(events.Select(e => e.Data).OfType<LessonLogEntryWritten>().SelectMany(w => w.Attachments ?? []).Select(a => a.FileId));
        }

        await eventChain.MaskAsync(session, RetentionCategory.LessonLog, [.. due.Select(e => e.Id)], masking =>
        {
            foreach (var entry in due)
                masking.IncludeStream(entry.Id);
        }, cancellationToken);
        FileStore.Delete(session, files);
        var now = clock.GetUtcNow();
        foreach (var entry in due)
            session.Events.Append(entry.Id, new LessonLogEntryPurged(entry.Id, entry.EstablishmentId, now));
        return establishments;
    }

    public static LessonLogEntryWritten WithoutContent(LessonLogEntryWritten e) => e with
    {
        Content = new(e.Content.SubjectId, null),
        Attachments = e.Attachments?.Select(a => a with { Name = new(a.Name.SubjectId, null) }).ToList(),
    };

    public static LessonLogEntryEdited WithoutContent(LessonLogEntryEdited e) => e with { Content = new(e.Content.SubjectId, null) };
}
