using GraphQL;
using GraphQL.Types;
using Marten;
using MonBureau.Application.Establishments;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Authorization;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Projections.Attendance;
using MonBureau.Projections.Homework;
using MonBureau.Projections.People;

namespace MonBureau.Host.GraphQL.Fields;

/// <summary>
/// Home pages (pages d'accueil), one query per profile. Each part reuses the query of its own area; every part costs a
/// fixed number of SQL commands whatever the size of the establishment (docs/benchmarks.md), a guardian's per child.
/// </summary>
internal static class HomeFields
{
    public static readonly TimeSpan DueSoon = TimeSpan.FromDays(7);
    public const int RecentFeedback = 10;
    public const int RecentResources = 5;
    public const int RecentAbsenceDays = 30;
    public const int AwaitingFeedback = 50;

    // The complexity limit counts an unbounded list as 20 items; the home pages' lists are short by nature, and
    // counted at their usual length a guardian's whole home page fits in one request.
    public const int ExpectedChildren = 4;
    public const int ExpectedWorkDue = 10;

    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<StudentHomeType>, StudentHome>("studentHome")
            .Description("The signed-in student's home page.")
            .AuthorizeWithRoles(nameof(Role.Student))
            .ResolveAsync(async ctx =>
            {
                var agenda = AgendaFields.TodayAndBannerAsync(ctx);
                await using var session = ctx.OpenQuerySession();
                var student = await session.LoadAsync<PersonDetails>(ctx.Actor().Id, ctx.CancellationToken)
                    ?? throw BusinessRuleException.NotFound("Student");
                return new StudentHome(student, await agenda);
            });

        query.Field<NonNullGraphType<GuardianHomeType>, GuardianHome>("guardianHome")
            .Description("The signed-in guardian's home page, with each of their children at this establishment.")
            .AuthorizeWithRoles(nameof(Role.Guardian))
            .ResolveAsync(async ctx =>
            {
                var actor = ctx.Actor();
                var agenda = AgendaFields.TodayAndBannerAsync(ctx);
                await using var session = ctx.OpenQuerySession();
                var me = await session.LoadAsync<PersonDetails>(actor.Id, ctx.CancellationToken);
                var children = new List<PersonDetails>();
                foreach (var child in me?.Children.Where(c => c.EstablishmentId == actor.EstablishmentId) ?? [])
                {
                    try
                    {
                        children.Add(await PersonAccess.ReadableAsync(ctx, session, child.StudentId, DataCategory.Absences));
                    }
                    catch (ExecutionError)
                    {
                        // A child the policy no longer lets this guardian follow is left off the page (the refusal is logged), not the whole page refused.
                    }
                }
                return new GuardianHome(children, await agenda);
            });

        query.Field<NonNullGraphType<TeacherHomeType>, TeacherHome>("teacherHome")
            .Description("The signed-in teacher's home page.")
            .AuthorizeWithRoles(nameof(Role.Teacher))
            .ResolveAsync(async ctx => new TeacherHome(await AgendaFields.TodayAndBannerAsync(ctx)));
    }

    public static async Task<IReadOnlyList<HomeworkDetails>> WorkDueAsync(IResolveFieldContext ctx, PersonDetails student)
    {
        var until = ctx.Service<TimeProvider>().GetUtcNow() + DueSoon;
        await using var session = ctx.OpenQuerySession();
        return await (await HomeworkFields.HomeworkOfAsync(ctx, session, student))
            .Where(h => h.DueAt <= until)
            .OrderBy(h => h.DueAt)
            .ToListAsync(ctx.CancellationToken);
    }

    public static async Task<IReadOnlyList<SubmissionDetails>> RecentFeedbackAsync(IResolveFieldContext ctx, PersonDetails student)
    {
        await using var session = ctx.OpenQuerySession();
        // Feedback comes on recent work; a bounded batch of the latest submissions is enough to find it.
        var latest = await HomeworkSubmissionFields.LatestOfAsync(session, [student.Id], RecentFeedback * 4, ctx.CancellationToken);
        return [.. latest.Where(s => s.Feedback.Count > 0).Take(RecentFeedback)];
    }

    public static async Task<IReadOnlyList<AbsenceView>> RecentAbsencesAsync(IResolveFieldContext ctx, PersonDetails student)
    {
        var today = EstablishmentClock.Today(ctx.Service<TimeProvider>(), null);
        await using var session = ctx.OpenQuerySession();
        var absences = await AttendanceFields.AbsencesAsync(session, ctx.Actor().EstablishmentId ?? Guid.Empty, [student.Id], today.AddDays(-RecentAbsenceDays), today, ctx.CancellationToken);
        return [.. absences.OrderByDescending(a => a.LastDay).ThenByDescending(a => a.RecordedAt)];
    }

    public static async Task<IReadOnlyList<SubmissionDetails>> AwaitingFeedbackAsync(IResolveFieldContext ctx)
    {
        var me = ctx.Actor().Id;
        await using var session = ctx.OpenQuerySession();
        var homework = await session.Query<HomeworkDetails>().Where(h => h.TeacherId == me).Select(h => h.Id).ToListAsync(ctx.CancellationToken);
        if (homework.Count == 0)
            return [];
        Guid[] ids = [.. homework];
        return await session.Query<SubmissionDetails>()
            .Where(s => s.HomeworkId.IsOneOf(ids) && !s.Feedback.Any())
            .OrderBy(s => s.SubmittedAt)
            .Take(AwaitingFeedback)
            .ToListAsync(ctx.CancellationToken);
    }
}
