using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Files;
using MonBureau.Domain.Common;
using MonBureau.Domain.Homework;
using MonBureau.Domain.People;

namespace MonBureau.Application.Homework;

public static class SubmitHomeworkHandler
{
    /// <returns>The submission's id (one per homework and student).</returns>
    public static async Task<Guid> Handle(SubmitHomework command, IDocumentSession session, FileStore files, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(files);
        var actor = ActingContext.Require(Role.Student);
        var student = await session.Events.FetchLatest<Person>(actor.Id, cancellationToken) ?? throw BusinessRuleException.Forbidden();
        var homework = await session.Events.FetchLatest<Domain.Homework.Homework>(command.HomeworkId, cancellationToken);
        if (homework is not null && !student.Holds(Role.Student, homework.EstablishmentId))
            homework = null;
        var inUnit = homework is not null && await AssignHomeworkHandler.BelongsToAsync(session, student, homework.ClassId, cancellationToken);
        var previous = homework is null ? null
            : await session.Events.FetchLatest<HomeworkSubmission>(HomeworkSubmission.IdFor(homework.Id, student.Id), cancellationToken);
        var uploads = (command.Files ?? []).Select(f => (FileId: Guid.CreateVersion7(), File: f)).ToList();
        var now = clock.GetUtcNow();

        var submitted = SubmissionDecisions.Submit(command, student.Id, homework, inUnit, previous, uploads, now);
        files.StageAll(session, submitted.Files, uploads.Select(u => u.File), submitted.EstablishmentId, now);
        session.Events.Append(submitted.SubmissionId, submitted);
        return submitted.SubmissionId;
    }
}

public static class GiveSubmissionFeedbackHandler
{
    public static async Task<Guid> Handle(GiveSubmissionFeedback command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Require(Role.Teacher);
        var submission = await session.Events.FetchLatest<HomeworkSubmission>(command.SubmissionId, cancellationToken);
        var homework = submission is null ? null : await session.Events.FetchLatest<Domain.Homework.Homework>(submission.HomeworkId, cancellationToken);
        if (homework is not null && !actor.ActsIn(homework.EstablishmentId))
            homework = null;
        var scale = command.GradingScaleId is { } scaleId ? await session.Events.FetchLatest<Domain.Grading.GradingScale>(scaleId, cancellationToken) : null;

        var feedback = SubmissionDecisions.GiveFeedback(command, actor.Id, submission, homework, scale, clock.GetUtcNow());
        session.Events.Append(feedback.SubmissionId, feedback);
        return feedback.SubmissionId;
    }
}
