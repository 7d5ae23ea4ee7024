using GraphQL;
using GraphQL.Types;
using Marten;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.People;
using MonBureau.Host.GraphQL.Paging;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Projections.Groups;
using MonBureau.Projections.People;
using MonBureau.Projections.Timetable;

namespace MonBureau.Host.GraphQL.Fields;

internal static class TeachingStructureFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>, IReadOnlyList<string>>("subjects")
            .Description("Subjects (matières) taught in the signed-in person's establishment, alphabetically.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                var establishmentId = ctx.Actor().EstablishmentId;
                await using var session = ctx.OpenQuerySession();
                var subjects = await session.Query<TimetableSlotView>().Where(s => s.EstablishmentId == establishmentId).Select(s => s.Subject).Distinct().ToListAsync(ctx.CancellationToken);
                var teachers = await session.Query<PersonDetails>()
                    .Where(p => p.Profiles.Any(x => x.Role == Role.Teacher && x.EstablishmentId == establishmentId))
                    .ToListAsync(ctx.CancellationToken);
                return [.. subjects.Concat(teachers.SelectMany(p => p.Teachings).Select(t => t.Subject))
                    .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true))];
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TimetableSlotType>>>, IReadOnlyList<TimetableSlotView>>("myTimetable")
            .Description("The signed-in teacher's or student's weekly timetable, by day then time.")
            .AuthorizeWithRoles(nameof(Role.Teacher), nameof(Role.Student))
            .ResolveAsync(async ctx =>
            {
                var actor = ctx.Actor();
                await using var session = ctx.OpenQuerySession();
                IReadOnlyList<TimetableSlotView> slots;
                if (actor.Role == Role.Teacher)
                {
                    slots = await session.Query<TimetableSlotView>().Where(s => s.TeacherId == actor.Id).ToListAsync(ctx.CancellationToken);
                }
                else
                {
                    var me = await session.LoadAsync<PersonDetails>(actor.Id, ctx.CancellationToken);
                    var groups = await session.Query<GroupDetails>().Where(g => g.Members.Contains(actor.Id)).Select(g => g.Id).ToListAsync(ctx.CancellationToken);
                    Guid[] units = me?.ClassId is { } classId ? [classId, .. groups] : [.. groups];
                    slots = await session.Query<TimetableSlotView>().Where(s => s.TeachingUnitId.IsOneOf(units)).ToListAsync(ctx.CancellationToken);
                }

                return [.. slots.OrderBy(s => s.Day == DayOfWeek.Sunday ? 7 : (int)s.Day).ThenBy(s => s.Start)];
            });

        query.Connection<GroupType, GroupDetails>("groups")
            .Description("Groups of the signed-in staff member's establishment (for a teacher: the groups they teach), by school year then name.")
            .AuthorizeWithRoles(nameof(Role.EstablishmentAdministrator), nameof(Role.Teacher), nameof(Role.Direction), nameof(Role.SchoolLifeOffice))
            .ResolveAsync(async ctx =>
            {
                var actor = ctx.Actor();
                await using var session = ctx.OpenQuerySession();
                var groups = session.Query<GroupDetails>().Where(g => g.EstablishmentId == actor.EstablishmentId);
                if (actor.Role == Role.Teacher)
                {
                    Guid[] taught = [.. await TaughtUnitsAsync(session, actor.Id, ctx.CancellationToken)];
                    groups = groups.Where(g => g.Id.IsOneOf(taught));
                }

                return await groups.ToConnectionAsync(ctx, by => by.Descending(g => g.SchoolYearStart).Ascending(g => g.Name));
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<GroupType>, GroupDetails>("createGroup")
            .Description("Creates a group in the administrator's establishment.")
            .Argument<NonNullGraphType<CreateGroupInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.EstablishmentAdministrator))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<GroupDetails>(ctx.GetArgument<CreateGroup>("input")));

        mutation.Field<NonNullGraphType<GroupType>, GroupDetails>("addStudentToGroup")
            .Description("Adds a student of the establishment to a group.")
            .Argument<NonNullGraphType<GroupMembershipInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.EstablishmentAdministrator))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<GroupDetails>(ctx.GetArgument<AddStudentToGroup>("input")));

        mutation.Field<NonNullGraphType<GroupType>, GroupDetails>("removeStudentFromGroup")
            .Description("Removes a student from a group.")
            .Argument<NonNullGraphType<GroupMembershipInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.EstablishmentAdministrator))
            .ResolveAsync(ctx =>
            {
                var input = ctx.GetArgument<AddStudentToGroup>("input");
                return ctx.SendAndReadAsync<GroupDetails>(new RemoveStudentFromGroup(input.GroupId, input.StudentId));
            });

        mutation.Field<NonNullGraphType<PersonType>, PersonDetails>("assignTeaching")
            .Description("Records that a teacher teaches a subject to a class or group; this is what lets them work with it.")
            .Argument<NonNullGraphType<TeachingInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.EstablishmentAdministrator))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<PersonDetails>(ctx.GetArgument<AssignTeaching>("input")));

        mutation.Field<NonNullGraphType<PersonType>, PersonDetails>("withdrawTeaching")
            .Description("Ends a teaching assignment.")
            .Argument<NonNullGraphType<TeachingInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.EstablishmentAdministrator))
            .ResolveAsync(ctx =>
            {
                var input = ctx.GetArgument<AssignTeaching>("input");
                return ctx.SendAndReadAsync<PersonDetails>(new WithdrawTeaching(input.TeacherId, input.TeachingUnitId, input.Subject));
            });
    }

    public static async Task<HashSet<Guid>> TaughtUnitsAsync(IQuerySession session, Guid teacherId, CancellationToken cancellationToken) =>
        [.. (await session.LoadAsync<PersonDetails>(teacherId, cancellationToken))?.Teachings.Select(t => t.TeachingUnitId) ?? []];
}
