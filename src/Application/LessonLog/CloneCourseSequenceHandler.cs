using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Teaching;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.Homework;
using MonBureau.Domain.LessonLog;
using MonBureau.Domain.People;

namespace MonBureau.Application.LessonLog;

/// <summary>Copies the teacher's own lessons and homework of one subject and period; all of it is written, or none.</summary>
public static class CloneCourseSequenceHandler
{
    public static async Task<CourseSequenceCopied> Handle(CloneCourseSequence command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Require(Role.Teacher);
        var teacher = await session.Events.FetchLatest<Person>(actor.Id, cancellationToken) ?? throw BusinessRuleException.Forbidden();
        if (!teacher.Teaches(command.FromTeachingUnitId))
            throw BusinessRuleException.NotFound("Class or group");
        var target = await AssignTeachingHandler.TeachingUnitAsync(session, command.ToTeachingUnitId, cancellationToken);
        var targetIsGroup = await session.Events.FetchLatest<SchoolGroup>(command.ToTeachingUnitId, cancellationToken) is not null;

        var (lessons, homework) = CourseSequenceDecisions.Plan(
            command, targetIsGroup, await LessonsAsync(session, command, actor.Id, cancellationToken), await HomeworkAsync(session, command, actor.Id, cancellationToken));
        var now = clock.GetUtcNow();
        foreach (var lesson in lessons)
        {
            var written = LessonLogDecisions.Write(Guid.CreateVersion7(), lesson, teacher, target, [], now);
            session.Events.StartStream<LessonLogEntry>(written.EntryId, written);
        }

        foreach (var work in homework)
        {
            var assigned = HomeworkDecisions.Assign(Guid.CreateVersion7(), work, teacher, target, new HashSet<Guid>(), now);
            session.Events.StartStream<Domain.Homework.Homework>(assigned.HomeworkId, assigned);
        }

        return new CourseSequenceCopied(lessons.Count, homework.Count);
    }

    private static async Task<IReadOnlyList<SequenceLesson>> LessonsAsync(IDocumentSession session, CloneCourseSequence command, Guid teacherId, CancellationToken cancellationToken)
    {
        var written = await session.Events.QueryRawEventDataOnly<LessonLogEntryWritten>()
            .Where(e => e.TeachingUnitId == command.FromTeachingUnitId && e.TeacherId == teacherId)
            .ToListAsync(cancellationToken);
        written = [.. written.Where(e => TeachingDecisions.SameSubject(e.Subject, command.Subject))];
        var ids = written.Select(e => e.EntryId).ToArray();
        var edits = await session.Events.QueryRawEventDataOnly<LessonLogEntryEdited>().Where(e => e.EntryId.IsOneOf(ids)).ToListAsync(cancellationToken);
        return [.. written
            .Select(e => edits.Where(x => x.EntryId == e.EntryId).MaxBy(x => x.EditedAt) is { } last
                ? new SequenceLesson(last.LessonDate, last.Title, last.Content.Value ?? "")
                : new SequenceLesson(e.LessonDate, e.Title, e.Content.Value ?? ""))
            .Where(l => l.LessonDate >= command.From && l.LessonDate <= command.To)
            .OrderBy(l => l.LessonDate)];
    }

    private static async Task<IReadOnlyList<SequenceHomework>> HomeworkAsync(IDocumentSession session, CloneCourseSequence command, Guid teacherId, CancellationToken cancellationToken)
    {
        var assigned = await session.Events.QueryRawEventDataOnly<HomeworkAssigned>()
            .Where(e => e.ClassId == command.FromTeachingUnitId && e.TeacherId == teacherId)
            .ToListAsync(cancellationToken);
        var from = new DateTimeOffset(command.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = new DateTimeOffset(command.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return [.. assigned
            .Where(h => TeachingDecisions.SameSubject(h.Subject, command.Subject) && h.DueAt >= from && h.DueAt < to)
            .OrderBy(h => h.DueAt)
            .Select(h => new SequenceHomework(h.Title, h.Instructions.Value ?? "", h.DueAt, h.ExpectedFormat, h.AllowedContentTypes))];
    }
}
