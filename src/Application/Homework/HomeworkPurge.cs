using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Establishments;
using MonBureau.Application.Files;
using MonBureau.Application.Privacy;
using MonBureau.Domain.Common;
using MonBureau.Domain.Homework;
using MonBureau.Domain.Privacy;

namespace MonBureau.Application.Homework;

/// <summary>
/// Homework leaves the ENT once its school year is over plus the establishment's homework retention (1 year by
/// default): the instructions, the students' texts and the teachers' comments are masked in the events (their keys
/// outlive the homework), the handed-in files deleted, and the homework and its submissions leave every list. Who had
/// work due when, and who handed it in when, stays in the event log under ids for the indicators.
/// </summary>
internal static class HomeworkPurge
{
    public static async Task<IReadOnlyList<Guid?>> RunAsync(IDocumentSession session, EventChainSealer eventChain, TimeProvider clock, bool dryRun, CancellationToken cancellationToken)
    {
        var today = EstablishmentClock.Today(clock, null);
        var currentYearStart = EstablishmentClock.StartOf(SchoolYear.Containing(today).FirstDay, null);
        var kept = await RetentionCutoffs.LoadAsync(session, RetentionCategory.Homework, cancellationToken);
        var candidates = await session.Query<Domain.Homework.Homework>().Where(h => h.DueAt < currentYearStart).ToListAsync(cancellationToken);
        var due = candidates
            .Where(h => SchoolYear.Containing(EstablishmentClock.LocalDay(h.DueAt, null)).LastDay.AddDays((int)kept.For(h.EstablishmentId).TotalDays) < today)
            .ToList();
        Guid?[] establishments = [.. due.Select(h => (Guid?)h.EstablishmentId)];
        if (dryRun || due.Count == 0)
            return establishments;

        var ids = due.Select(h => h.Id).ToArray();
        var submissions = await session.Query<HomeworkSubmission>().Where(s => ids.Contains(s.HomeworkId)).ToListAsync(cancellationToken);
        var files = new List<Guid>();
        foreach (var submission in submissions)
        {
            var events = await session.Events.FetchStreamAsync(submission.Id, token: cancellationToken);
            files.AddRange(events.Select(e => e.Data).OfType<HomeworkSubmitted>().SelectMany(s => s.Files).Select(f => f.FileId));
        }

        await eventChain.MaskAsync(session, RetentionCategory.Homework, [.. ids, .. submissions.Select(s => s.Id)], masking =>
        {
            foreach (var stream in ids.Concat(submissions.Select(s => s.Id)))
                masking.IncludeStream(stream);
        }, cancellationToken);
        FileStore.Delete(session, files);
        var now = clock.GetUtcNow();
        foreach (var submission in submissions)
            session.Events.Append(submission.Id, new SubmissionPurged(submission.Id, submission.HomeworkId, submission.EstablishmentId, submission.StudentId, now));
        foreach (var homework in due)
            session.Events.Append(homework.Id, new HomeworkPurged(homework.Id, homework.EstablishmentId, now));
        return establishments;
    }

    public static HomeworkAssigned WithoutInstructions(HomeworkAssigned e) => e with { Instructions = new(e.Instructions.SubjectId, null) };

    public static HomeworkEdited WithoutInstructions(HomeworkEdited e) => e with { Instructions = new(e.Instructions.SubjectId, null) };

    public static HomeworkSubmitted WithoutWork(HomeworkSubmitted e) => e with
    {
        Text = e.Text is null ? null : new(e.Text.SubjectId, null),
        Files = [.. e.Files.Select(f => f with { Name = new(f.Name.SubjectId, null) })],
    };

    public static SubmissionFeedbackGiven WithoutComment(SubmissionFeedbackGiven e) => e with { Comment = e.Comment is null ? null : new(e.Comment.SubjectId, null) };
}
