using GraphQL;
using GraphQL.Types;
using Marten;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Homework;
using MonBureau.Host.Authorization;
using MonBureau.Host.GraphQL.Paging;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Projections.Homework;
using MonBureau.Projections.People;

namespace MonBureau.Host.GraphQL.Fields;

internal static class HomeworkFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Connection<HomeworkType, HomeworkDetails>("myHomework")
            .Description("The signed-in student's homework, soonest due first.")
            .Argument<BooleanGraphType>("includePast", "Also list work whose due date has passed (default false).")
            .AuthorizeWithRoles(nameof(Role.Student))
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                var student = await session.LoadAsync<PersonDetails>(ctx.Actor().Id, ctx.CancellationToken);
                return student is null
                    ? Array.Empty<HomeworkDetails>().ToConnection(ctx)
                    : await (await HomeworkOfAsync(ctx, session, student)).ToConnectionAsync(ctx, by => by.Ascending(h => h.DueAt));
            });

        query.Connection<HomeworkType, HomeworkDetails>("studentHomework")
            .Description("A student's homework, soonest due first: for their guardians, their teachers and the school-life office.")
            .Argument<NonNullGraphType<IdGraphType>>("studentId", "The student.")
            .Argument<BooleanGraphType>("includePast", "Also list work whose due date has passed (default false).")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                var student = await PersonAccess.ReadableAsync(ctx, session, ctx.GetArgument<Guid>("studentId"), DataCategory.Homework);
                return await (await HomeworkOfAsync(ctx, session, student)).ToConnectionAsync(ctx, by => by.Ascending(h => h.DueAt));
            });

        query.Connection<HomeworkType, HomeworkDetails>("classHomework")
            .Description("All homework of one class or group the teacher teaches, latest due first.")
            .Argument<NonNullGraphType<IdGraphType>>("classId", "The class or group.")
            .AuthorizeWithRoles(nameof(Role.Teacher))
            .ResolveAsync(async ctx =>
            {
                var classId = ctx.GetArgument<Guid>("classId");
                await using var session = ctx.OpenQuerySession();
                var taught = await TeachingStructureFields.TaughtUnitsAsync(session, ctx.Actor().Id, ctx.CancellationToken);
                if (!taught.Contains(classId))
                    throw BusinessRuleException.NotFound("Class");
                return await session.Query<HomeworkDetails>()
                    .Where(h => h.ClassId == classId)
                    .ToConnectionAsync(ctx, by => by.Descending(h => h.DueAt));
            });
    }

    /// <summary>Work set to the student's class or one of their groups, to everyone there or to them by name (not ordered).</summary>
    internal static async Task<IQueryable<HomeworkDetails>> HomeworkOfAsync(IResolveFieldContext ctx, IQuerySession session, PersonDetails student)
    {
        var units = await LessonLogFields.UnitsOfAsync(session, student, ctx.CancellationToken);
        var from = ctx.GetArgument("includePast", false) ? DateTimeOffset.MinValue : ctx.Service<TimeProvider>().GetUtcNow();
        var studentId = student.Id;
        return session.Query<HomeworkDetails>()
            .Where(h => units.Contains(h.ClassId) && h.DueAt >= from && (h.StudentIds.Count == 0 || h.StudentIds.Contains(studentId)));
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<HomeworkType>, HomeworkDetails>("assignHomework")
            .Description("Assigns homework to one of the teacher's classes or groups, or to some of its students.")
            .Argument<NonNullGraphType<AssignHomeworkInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Teacher))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<HomeworkDetails>(ctx.GetArgument<AssignHomework>("input")));

        mutation.Field<NonNullGraphType<HomeworkType>, HomeworkDetails>("editHomework")
            .Description("Changes the instructions, due date or format of work set to a class or group the teacher teaches. Two edits from the same version: the first wins, the second gets CONFLICT with extensions.currentVersion.")
            .Argument<NonNullGraphType<EditHomeworkInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Teacher))
            .ResolveAsync(async ctx =>
            {
                var command = ctx.GetArgument<EditHomework>("input");
                try
                {
                    return await ctx.SendAndReadAsync<HomeworkDetails>(command);
                }
                catch (JasperFx.ConcurrencyException)
                {
                    // Another edit committed between this one's read and its commit: tell the loser what to reload.
                    await using var session = ctx.OpenQuerySession();
                    var current = await session.LoadAsync<HomeworkDetails>(command.HomeworkId, ctx.CancellationToken);
                    throw HomeworkEditing.VersionConflict(current?.Version ?? 0);
                }
            });
    }
}
