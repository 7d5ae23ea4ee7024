using GraphQL;
using GraphQL.Types;
using Marten;
using MonBureau.Application.Establishments;
using MonBureau.Application.Home;
using MonBureau.Domain.Attendance;
using MonBureau.Domain.Common;
using MonBureau.Domain.Home;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Projections.Attendance;
using MonBureau.Projections.Home;
using MonBureau.Projections.Homework;
using MonBureau.Projections.People;
using MonBureau.Projections.Portfolios;

namespace MonBureau.Host.GraphQL.Fields;

/// <summary>
/// Home-page modes (docs/home-page.md): guided (shortcuts and a weekly checklist from the person's own data) or expert
/// (their widgets), stored per person and profile; the three home pages show the mode and, when guided, the checklist.
/// </summary>
internal static class HomePreferencesFields
{
    private static readonly string[] HomeProfiles = [nameof(Role.Student), nameof(Role.Guardian), nameof(Role.Teacher)];

    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<HomePreferencesType>, HomePreferences>("myHomePreferences")
            .Description("The signed-in person's home-page preferences in the profile they act in (GUIDED with every widget until they choose).")
            .AuthorizeWithRoles(HomeProfiles)
            .ResolveAsync(async ctx => await CurrentAsync(ctx));

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<HomePreferencesType>, HomePreferences>("setHomeMode")
            .Description("Chooses the home page's mode: GUIDED (shortcuts, weekly checklist) or EXPERT (the person's widgets).")
            .Argument<NonNullGraphType<SetHomeModeInputType>>("input")
            .AuthorizeWithRoles(HomeProfiles)
            .ResolveAsync(async ctx => await ChangeAsync(ctx, ctx.GetArgument<SetHomeMode>("input")));

        mutation.Field<NonNullGraphType<HomePreferencesType>, HomePreferences>("configureHomeWidgets")
            .Description("Sets the expert home page's widgets and their order; a widget foreign to the profile or named twice is VALIDATION.")
            .Argument<NonNullGraphType<ConfigureHomeWidgetsInputType>>("input")
            .AuthorizeWithRoles(HomeProfiles)
            .ResolveAsync(async ctx => await ChangeAsync(ctx, ctx.GetArgument<ConfigureHomeWidgets>("input")));

        mutation.Field<NonNullGraphType<HomePreferencesType>, HomePreferences>("tickWeeklyReminder")
            .Description("Ticks or unticks a reminder of this week's guided checklist; the other items follow the data and cannot be ticked.")
            .Argument<NonNullGraphType<TickWeeklyReminderInputType>>("input")
            .AuthorizeWithRoles(HomeProfiles)
            .ResolveAsync(async ctx => await ChangeAsync(ctx, ctx.GetArgument<TickWeeklyReminder>("input")));
    }

    /// <summary>The mode, shortcuts and checklist of a home page; <paramref name="facts"/> reads what the checklist needs.</summary>
    public static void AddTo<T>(ObjectGraphType<T> home, Func<IResolveFieldContext<T>, Task<ChecklistFacts>> facts)
    {
        home.Field<NonNullGraphType<HomeModeType>, HomeMode>("mode")
            .Description("The person's chosen mode (myHomePreferences); GUIDED by default.")
            .ResolveAsync(async ctx => (await CurrentAsync(ctx)).Mode);
        home.Field<NonNullGraphType<ListGraphType<NonNullGraphType<HomeWidgetSettingType>>>, IReadOnlyList<WidgetSetting>>("widgets")
            .Description("In expert mode, the visible widgets in the person's order; empty in guided mode.")
            .ResolveAsync(async ctx => await CurrentAsync(ctx) is { Mode: HomeMode.Expert } p ? [.. p.Widgets.Where(w => w.Visible)] : []);
        home.Field<NonNullGraphType<ListGraphType<NonNullGraphType<HomeWidgetType>>>, IReadOnlyList<HomeWidget>>("shortcuts")
            .Description("In guided mode, the few places to go first; empty in expert mode.")
            .ResolveAsync(async ctx => await CurrentAsync(ctx) is { Mode: HomeMode.Guided } p ? HomeLayouts.ShortcutsFor(p.Owner.Profile) : []);
        home.Field<ListGraphType<NonNullGraphType<ChecklistItemType>>, IReadOnlyList<ChecklistItem>>("checklist")
            .Description("In guided mode, this week's checklist from the person's data (work due and not handed in, absences to justify, unread messages…) and their reminders; null in expert mode.")
            .ResolveAsync(async ctx =>
            {
                var preferences = await CurrentAsync(ctx);
                if (preferences.Mode != HomeMode.Guided)
                    return null;
                return WeeklyChecklist.Build(preferences, await facts(ctx), EstablishmentClock.Today(ctx.Service<TimeProvider>(), null));
            });
    }

    /// <summary>A student's week: homework due until Sunday and whether it was handed in, and unread messages.</summary>
    public static async Task<ChecklistFacts> StudentFactsAsync(IResolveFieldContext ctx, PersonDetails student)
    {
        var clock = ctx.Service<TimeProvider>();
        var now = clock.GetUtcNow();
        var weekEnd = EstablishmentClock.StartOf(HomeLayouts.WeekOf(EstablishmentClock.Today(clock, null)).AddDays(7), null);
        await using var session = ctx.OpenQuerySession();
        var due = await (await HomeworkFields.HomeworkOfAsync(ctx, session, student))
            .Where(h => h.DueAt > now && h.DueAt < weekEnd)
            .ToListAsync(ctx.CancellationToken);
        Guid[] ids = [.. due.Select(h => h.Id)];
        HashSet<Guid> handedIn = ids.Length == 0 ? [] : (await session.Query<SubmissionDetails>()
            .Where(s => s.StudentId == student.Id && s.HomeworkId.IsOneOf(ids)).Select(s => s.HomeworkId).ToListAsync(ctx.CancellationToken)).ToHashSet();
        return ChecklistFacts.None with
        {
            HomeworkDue = [.. due.Select(h => new HomeworkDueFact(h.Id, student.Id, h.Title, h.DueAt, handedIn.Contains(h.Id)))],
            UnreadMessages = await MessagingFields.UnreadCountAsync(ctx),
        };
    }

    /// <summary>A guardian's week: their children's absences of the last weeks still to justify, and unread messages.</summary>
    public static async Task<ChecklistFacts> GuardianFactsAsync(IResolveFieldContext ctx, IReadOnlyList<PersonDetails> children)
    {
        var today = EstablishmentClock.Today(ctx.Service<TimeProvider>(), null);
        await using var session = ctx.OpenQuerySession();
        IReadOnlyList<AbsenceView> absences = children.Count == 0 ? [] : await AttendanceFields.AbsencesAsync(
            session, ctx.Actor().EstablishmentId ?? Guid.Empty, [.. children.Select(c => c.Id)], today.AddDays(-HomeFields.RecentAbsenceDays), today, ctx.CancellationToken);
        return ChecklistFacts.None with
        {
            AbsencesToJustify = [.. absences
                .Where(a => !a.Withdrawn && !a.Justified && a.Justification is JustificationStatus.None or JustificationStatus.Rejected)
                .Select(a => new AbsenceToJustifyFact(a.Id, a.StudentId, a.FirstDay))],
            UnreadMessages = await MessagingFields.UnreadCountAsync(ctx),
        };
    }

    /// <summary>A teacher's week: work waiting for feedback, portfolios they were asked about, unread messages (counts only).</summary>
    public static async Task<ChecklistFacts> TeacherFactsAsync(IResolveFieldContext ctx)
    {
        var (me, establishmentId) = (ctx.Actor().Id, ctx.Actor().EstablishmentId ?? Guid.Empty);
        await using var session = ctx.OpenQuerySession();
        var portfolios = await session.Query<PortfolioView>()
            .Where(p => p.EstablishmentId == establishmentId && p.AwaitingFeedbackFrom.Contains(me))
            .CountAsync(ctx.CancellationToken);
        return ChecklistFacts.None with
        {
            SubmissionsToReview = (await HomeFields.AwaitingFeedbackAsync(ctx)).Count,
            PortfolioFeedbackRequested = portfolios,
            UnreadMessages = await MessagingFields.UnreadCountAsync(ctx),
        };
    }

    private static async Task<HomePreferences> CurrentAsync(IResolveFieldContext ctx)
    {
        var owner = HomePreferencesHandler.OwnerOf(ctx.Actor());
        await using var session = ctx.OpenQuerySession();
        return (await session.LoadAsync<HomePreferencesView>(HomePreferences.IdFor(owner), ctx.CancellationToken))?.Preferences ?? HomePreferences.Default(owner);
    }

    private static async Task<HomePreferences> ChangeAsync(IResolveFieldContext ctx, object command)
    {
        await ctx.SendAndReadAsync<HomePreferencesView>(command);
        return await CurrentAsync(ctx);
    }
}
