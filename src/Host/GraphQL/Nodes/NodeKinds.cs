using GraphQL;
using Marten;
using Marten.Services.BatchQuerying;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Agenda;
using MonBureau.Host.Authorization;
using MonBureau.Host.GraphQL.Fields;
using MonBureau.Projections.Agenda;
using MonBureau.Projections.Attendance;
using MonBureau.Projections.Classes;
using MonBureau.Projections.Grades;
using MonBureau.Projections.Groups;
using MonBureau.Projections.Homework;
using MonBureau.Projections.LessonLog;
using MonBureau.Projections.Messaging;
using MonBureau.Projections.People;
using MonBureau.Projections.Resources;

namespace MonBureau.Host.GraphQL.Nodes;

/// <summary>
/// The records node(id:) can return, each read under the rule of the query that already shows it (named, so its
/// declared profiles apply too) and with the same access recording: node is a shortcut, never a side door. A record
/// the caller may not read is NOT_FOUND, like an unknown id.
/// </summary>
internal static class NodeKinds
{
    private static readonly NodeKind[] All =
    [
        Kind<PersonDetails>(["person"], async (ctx, session, person) => await PersonAccess.ReadableAsync(ctx, session, person.Id, DataCategory.Identity)),
        Kind<ClassDetails>(["classes"], async (ctx, session, unit) => await TaughtOrInEstablishmentAsync(ctx, session, unit.Id, unit.EstablishmentId) ? unit : null),
        Kind<GroupDetails>(["groups"], async (ctx, session, unit) => await TaughtOrInEstablishmentAsync(ctx, session, unit.Id, unit.EstablishmentId) ? unit : null),
        Kind<HomeworkDetails>(["myHomework", "classHomework"], async (ctx, session, homework) => ctx.Actor().Role switch
        {
            Role.Teacher => (await TeachingStructureFields.TaughtUnitsAsync(session, ctx.Actor().Id, ctx.CancellationToken)).Contains(homework.ClassId) ? homework : null,
            _ => await SetForStudentAsync(ctx, session, homework) ? homework : null,
        }),
        Kind<SubmissionDetails>(["mySubmission", "studentSubmissions"], async (ctx, session, submission) => ctx.Actor().Role switch
        {
            Role.Student => submission.StudentId == ctx.Actor().Id ? submission : null,
            _ => await PersonAccess.ReadableAsync(ctx, session, submission.StudentId, DataCategory.Homework) == null ? null : submission,
        }),
        Kind<LessonLogEntryDetails>(["lessonLog", "myLessonLog"], async (ctx, session, entry) => ctx.Actor().Role switch
        {
            Role.Teacher => (await TeachingStructureFields.TaughtUnitsAsync(session, ctx.Actor().Id, ctx.CancellationToken)).Contains(entry.TeachingUnitId) ? entry : null,
            Role.Direction => await LessonLogFields.InEstablishmentAsync(session, entry.TeachingUnitId, ctx.Actor().EstablishmentId, ctx.CancellationToken) ? entry : null,
            _ => await session.LoadAsync<PersonDetails>(ctx.Actor().Id, ctx.CancellationToken) is { } student
                && (await LessonLogFields.UnitsOfAsync(session, student, ctx.CancellationToken)).Contains(entry.TeachingUnitId) ? entry : null,
        }),
        Kind<AbsenceView>(["studentAttendance"], async (ctx, session, absence) =>
            absence.EstablishmentId == ctx.Actor().EstablishmentId && await PersonAccess.ReadableAsync(ctx, session, absence.StudentId, DataCategory.Absences) != null ? absence : null),
        Kind<MessageThreadView>(["thread"], (ctx, _, thread) => Task.FromResult<object?>(thread.VisibleTo.Contains(ctx.Actor().Id) ? thread : null)),
        Kind<ResourceView>(["resource"], async (ctx, session, resource) =>
        {
            var reader = await ResourceBankFields.ReaderAsync(ctx, session);
            return resource.AuthorId == reader.PersonId || reader.MaySee(resource) ? resource : null;
        }),
        Kind<AgendaEventView>(["myAgenda"], async (ctx, session, agendaEvent) =>
            await PersonalAgenda.ShowsAsync(session, ctx.Service<AccessLog>(), ctx.Actor(), agendaEvent, "Query.node", ctx.Service<TimeProvider>().GetUtcNow(), ctx.CancellationToken) ? agendaEvent : null),
        Kind<AssessmentDetails>(["gradeBook"], async (ctx, session, assessment) => await GradesFields.ReadableAssessmentAsync(ctx, session, assessment)),
    ];

    /// <summary>The record with this id, if the caller may read it; throws NOT_FOUND otherwise (unknown or not theirs alike).</summary>
    public static async Task<object> ReadAsync(IResolveFieldContext ctx, IQuerySession session, Guid id) =>
        (await ReadManyAsync(ctx, session, [id]))[0] ?? throw BusinessRuleException.NotFound("Record");

    /// <summary>The records with these ids, in their order; null where the id is unknown or the record not the caller's to read.</summary>
    public static async Task<IReadOnlyList<object?>> ReadManyAsync(IResolveFieldContext ctx, IQuerySession session, IReadOnlyList<Guid> ids)
    {
        // One round trip looks every id up in every kind's table.
        var batch = session.CreateBatchQuery();
        var loads = All.Select(kind => (kind, load: kind.LoadMany(batch, [.. ids.Distinct()]))).ToList();
        await batch.Execute(ctx.CancellationToken);
        var found = new Dictionary<Guid, (NodeKind Kind, object Record)>();
        foreach (var (kind, load) in loads)
            foreach (var (id, record) in await load)
                found.TryAdd(id, (kind, record));

        var readable = new Dictionary<Guid, object?>();
        foreach (var (id, (kind, record)) in found)
        {
            var mayUseQuery = kind.Queries.Any(name =>
                FieldAccess.Decide(ctx.Schema.Query.GetField(name)!, isRootField: true, ctx.Actor()) == FieldAccessDecision.Allowed);
            readable[id] = mayUseQuery ? await kind.Read(ctx, session, record) : null;
        }

        return [.. ids.Select(id => readable.GetValueOrDefault(id))];
    }

    private static NodeKind Kind<T>(string[] queries, Func<IResolveFieldContext, IQuerySession, T, Task<object?>> read) where T : class
    {
        // Marten's identity convention: every document kind here is keyed by its Guid Id property.
        var idOf = typeof(T).GetProperty("Id") ?? throw new InvalidOperationException($"{typeof(T).Name} has no Id.");
        return new(queries,
            async (batch, ids) => [.. (await batch.LoadMany<T>().ById(ids)).Select(record => ((Guid)idOf.GetValue(record)!, (object)record))],
            (ctx, session, record) => read(ctx, session, (T)record));
    }

    private static async Task<bool> TaughtOrInEstablishmentAsync(IResolveFieldContext ctx, IQuerySession session, Guid unitId, Guid establishmentId) =>
        ctx.Actor().Role == Role.Teacher
            ? (await TeachingStructureFields.TaughtUnitsAsync(session, ctx.Actor().Id, ctx.CancellationToken)).Contains(unitId)
            : establishmentId == ctx.Actor().EstablishmentId;

    /// <summary>Whether the work is set to the signed-in student (their class or group, to all or to them by name).</summary>
    internal static async Task<bool> SetForStudentAsync(IResolveFieldContext ctx, IQuerySession session, HomeworkDetails homework)
    {
        var student = await session.LoadAsync<PersonDetails>(ctx.Actor().Id, ctx.CancellationToken);
        return student is not null
            && (await LessonLogFields.UnitsOfAsync(session, student, ctx.CancellationToken)).Contains(homework.ClassId)
            && (homework.StudentIds.Count == 0 || homework.StudentIds.Contains(student.Id));
    }

    /// <param name="Queries">The queries that show this kind: the caller's profile must be allowed one of them.</param>
    private sealed record NodeKind(
        string[] Queries,
        Func<IBatchedQuery, Guid[], Task<(Guid Id, object Record)[]>> LoadMany,
        Func<IResolveFieldContext, IQuerySession, object, Task<object?>> Read);
}
