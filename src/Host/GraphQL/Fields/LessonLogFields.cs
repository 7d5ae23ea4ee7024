using GraphQL;
using GraphQL.Types;
using Marten;
using MonBureau.Application;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.LessonLog;
using MonBureau.Host.Authorization;
using MonBureau.Host.GraphQL.Paging;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Projections.Groups;
using MonBureau.Projections.LessonLog;
using MonBureau.Projections.People;

namespace MonBureau.Host.GraphQL.Fields;

/// <summary>The cahier de textes: teachers write it, students and guardians read it, direction and the author see its history.</summary>
internal static class LessonLogFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Connection<LessonLogEntryType, LessonLogEntryDetails>("lessonLog")
            .Description("The lesson log of a class or group, latest lesson first: for its teachers and direction.")
            .Argument<NonNullGraphType<IdGraphType>>("teachingUnitId", "Class or group.")
            .AuthorizeWithRoles(nameof(Role.Teacher), nameof(Role.Direction))
            .ResolveAsync(async ctx =>
            {
                var actor = ctx.Actor();
                var unitId = ctx.GetArgument<Guid>("teachingUnitId");
                await using var session = ctx.OpenQuerySession();
                var allowed = actor.Role == Role.Teacher
                    ? (await TeachingStructureFields.TaughtUnitsAsync(session, actor.Id, ctx.CancellationToken)).Contains(unitId)
                    : await InEstablishmentAsync(session, unitId, actor.EstablishmentId, ctx.CancellationToken);
                if (!allowed)
                    throw BusinessRuleException.NotFound("Class or group");
                return await EntriesOf(session, [unitId]).ToConnectionAsync(ctx, LatestLessonFirst);
            });

        query.Connection<LessonLogEntryType, LessonLogEntryDetails>("myLessonLog")
            .Description("The signed-in student's lesson log: their class and groups, latest lesson first.")
            .AuthorizeWithRoles(nameof(Role.Student))
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                var student = await session.LoadAsync<PersonDetails>(ctx.Actor().Id, ctx.CancellationToken);
                return student is null
                    ? Array.Empty<LessonLogEntryDetails>().ToConnection(ctx)
                    : await EntriesOf(session, await UnitsOfAsync(session, student, ctx.CancellationToken)).ToConnectionAsync(ctx, LatestLessonFirst);
            });

        query.Connection<LessonLogEntryType, LessonLogEntryDetails>("studentLessonLog")
            .Description("A student's lesson log (their class and groups), latest lesson first: for their guardians.")
            .Argument<NonNullGraphType<IdGraphType>>("studentId", "The student.")
            .AuthorizeWithRoles(nameof(Role.Guardian))
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                var student = await PersonAccess.ReadableAsync(ctx, session, ctx.GetArgument<Guid>("studentId"), DataCategory.Homework);
                return await EntriesOf(session, await UnitsOfAsync(session, student, ctx.CancellationToken)).ToConnectionAsync(ctx, LatestLessonFirst);
            });

        query.Connection<LessonLogRevisionType, LessonLogRevision>("lessonLogEntryHistory")
            .Description("Every version of a lesson log entry, first first: for direction of the establishment and the entry's author.")
            .Argument<NonNullGraphType<IdGraphType>>("entryId", "The entry.")
            .AuthorizeWithRoles(nameof(Role.Teacher), nameof(Role.Direction))
            .ResolveAsync(async ctx =>
            {
                var actor = ctx.Actor();
                await using var session = ctx.OpenQuerySession();
                var entry = await session.LoadAsync<LessonLogEntryDetails>(ctx.GetArgument<Guid>("entryId"), ctx.CancellationToken);
                var allowed = entry is not null && entry.EstablishmentId == actor.EstablishmentId
                    && (actor.Role == Role.Direction || entry.TeacherId == actor.Id);
                // The versions are held in the entry's document, read whole: paging them in memory reads nothing more.
                return allowed ? entry!.Revisions.ToConnection(ctx) : throw BusinessRuleException.NotFound("Lesson log entry");
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<LessonLogEntryType>, LessonLogEntryDetails>("writeLessonLogEntry")
            .Description("Records a lesson in the lesson log of a class or group the teacher teaches.")
            .Argument<NonNullGraphType<WriteLessonLogEntryInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Teacher))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<LessonLogEntryDetails>(ctx.GetArgument<WriteLessonLogEntryInput>("input").ToCommand()));

        mutation.Field<NonNullGraphType<LessonLogEntryType>, LessonLogEntryDetails>("editLessonLogEntry")
            .Description("Edits one of the teacher's own entries; the earlier version stays in the history.")
            .Argument<NonNullGraphType<EditLessonLogEntryInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Teacher))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<LessonLogEntryDetails>(ctx.GetArgument<EditLessonLogEntry>("input")));

        mutation.Field<NonNullGraphType<CourseSequenceCopiedType>, CourseSequenceCopied>("cloneCourseSequence")
            .Description("Copies the teacher's own lessons and homework of one subject and period to another class or group they teach, or to next school year, every date moved by the same number of days. All of it is copied, or nothing (attached files are not copied).")
            .Argument<NonNullGraphType<CloneCourseSequenceInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Teacher))
            .ResolveAsync(async ctx => await ctx.Service<Wolverine.IMessageBus>().RunAsync<CourseSequenceCopied>(ctx.GetArgument<CloneCourseSequence>("input"), ctx.CancellationToken));
    }

    /// <summary>Whoever reads the class or group's lesson log: its students, their guardians, its teachers, direction.</summary>
    internal static async Task<bool> MayReadAsync(IResolveFieldContext ctx, IQuerySession session, LessonLogEntryDetails entry)
    {
        var actor = ctx.Actor();
        if (actor.EstablishmentId != entry.EstablishmentId)
            return false;
        if (actor.Role == Role.Direction)
            return true;
        var reader = await session.LoadAsync<PersonDetails>(actor.Id, ctx.CancellationToken);
        if (reader is null)
            return false;
        return actor.Role switch
        {
            Role.Teacher => reader.Teachings.Any(t => t.TeachingUnitId == entry.TeachingUnitId),
            Role.Student => (await UnitsOfAsync(session, reader, ctx.CancellationToken)).Contains(entry.TeachingUnitId),
            Role.Guardian => await AnyChildInAsync(session, reader, entry, ctx.CancellationToken),
            _ => false,
        };
    }

    private static async Task<bool> AnyChildInAsync(IQuerySession session, PersonDetails guardian, LessonLogEntryDetails entry, CancellationToken cancellationToken)
    {
        foreach (var child in guardian.Children.Where(c => c.EstablishmentId == entry.EstablishmentId))
        {
            if (await session.LoadAsync<PersonDetails>(child.StudentId, cancellationToken) is { } student
                && (await UnitsOfAsync(session, student, cancellationToken)).Contains(entry.TeachingUnitId))
                return true;
        }

        return false;
    }

    /// <summary>The student's class and the groups they belong to.</summary>
    internal static async Task<Guid[]> UnitsOfAsync(IQuerySession session, PersonDetails student, CancellationToken cancellationToken)
    {
        var groups = await session.Query<GroupDetails>().Where(g => g.Members.Contains(student.Id)).Select(g => g.Id).ToListAsync(cancellationToken);
        return student.ClassId is { } classId ? [classId, .. groups] : [.. groups];
    }

    internal static async Task<bool> InEstablishmentAsync(IQuerySession session, Guid unitId, Guid? establishmentId, CancellationToken cancellationToken) =>
        (await session.LoadAsync<Projections.Classes.ClassDetails>(unitId, cancellationToken))?.EstablishmentId == establishmentId
        || (await session.LoadAsync<GroupDetails>(unitId, cancellationToken))?.EstablishmentId == establishmentId;

    private static IQueryable<LessonLogEntryDetails> EntriesOf(IQuerySession session, Guid[] units) =>
        session.Query<LessonLogEntryDetails>().Where(e => units.Contains(e.TeachingUnitId));

    private static Keyset<LessonLogEntryDetails> LatestLessonFirst(Keyset<LessonLogEntryDetails> by) =>
        by.Descending(e => e.LessonDate).Descending(e => e.WrittenAt);
}
