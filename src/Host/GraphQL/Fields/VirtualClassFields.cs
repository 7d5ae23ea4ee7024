using GraphQL;
using GraphQL.Types;
using Marten;
using MonBureau.Domain.Common;
using MonBureau.Domain.VirtualClasses;
using MonBureau.Host.GraphQL.Paging;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Projections.People;
using MonBureau.Projections.VirtualClasses;

namespace MonBureau.Host.GraphQL.Fields;

/// <summary>Virtual classes (classes virtuelles): an agenda entry with the provider's room, and who attended.</summary>
internal static class VirtualClassFields
{
    public static void AddQueries(ObjectGraphType query) =>
        query.Connection<VirtualClassType, VirtualClassView>("myVirtualClasses")
            .Description("Virtual classes not over yet, soonest first: those the signed-in teacher scheduled, or those of the signed-in student's class and groups.")
            .AuthorizeWithRoles(nameof(Role.Teacher), nameof(Role.Student))
            .ResolveAsync(async ctx =>
            {
                var actor = ctx.Actor();
                var now = ctx.Service<TimeProvider>().GetUtcNow();
                await using var session = ctx.OpenQuerySession();
                var classes = session.Query<VirtualClassView>().Where(v => v.EndsAt > now);
                if (actor.Role == Role.Teacher)
                {
                    classes = classes.Where(v => v.TeacherId == actor.Id);
                }
                else
                {
                    var student = await session.LoadAsync<PersonDetails>(actor.Id, ctx.CancellationToken);
                    Guid[] units = student is null ? [] : await LessonLogFields.UnitsOfAsync(session, student, ctx.CancellationToken);
                    classes = classes.Where(v => v.TeachingUnitId.IsOneOf(units));
                }

                return await classes.ToConnectionAsync(ctx, by => by.Ascending(v => v.StartsAt));
            });

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<VirtualClassType>, VirtualClassView>("scheduleVirtualClass")
            .Description("Schedules a virtual class for a class or group the teacher teaches, on the establishment's virtual-classroom service: it goes on the agenda (students and guardians are notified) with the room's link.")
            .Argument<NonNullGraphType<ScheduleVirtualClassInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Teacher))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<VirtualClassView>(ctx.GetArgument<ScheduleVirtualClass>("input")));

        mutation.Field<NonNullGraphType<VirtualClassType>, VirtualClassView>("recordVirtualClassAttendance")
            .Description("Records who attended a virtual class the teacher scheduled, once it has started; the other students of the class or group are absent. Recording again replaces it.")
            .Argument<NonNullGraphType<RecordVirtualClassAttendanceInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Teacher))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<VirtualClassView>(ctx.GetArgument<RecordVirtualClassAttendance>("input")));
    }
}
