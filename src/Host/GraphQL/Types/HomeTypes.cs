using GraphQL;
using GraphQL.Types;
using MonBureau.Host.Agenda;
using MonBureau.Host.GraphQL.Fields;
using MonBureau.Projections.Agenda;
using MonBureau.Projections.Attendance;
using MonBureau.Projections.Homework;
using MonBureau.Projections.People;
using MonBureau.Projections.Resources;
using MonBureau.Projections.Status;

namespace MonBureau.Host.GraphQL.Types;

/// <summary>A home page whose banner and today come from one read of the agenda.</summary>
public interface IHasAgenda
{
    (PersonalAgendaView Today, IReadOnlyList<AgendaEventView> Banner) Agenda { get; }
}

/// <summary>Whose work is shown: the student themself, or one child of a guardian (already checked and recorded).</summary>
public sealed record HomeOf(PersonDetails Student);

/// <summary>A student's home page.</summary>
public sealed record StudentHome(PersonDetails Student, (PersonalAgendaView Today, IReadOnlyList<AgendaEventView> Banner) Agenda) : IHasAgenda;

/// <summary>A teacher's home page; every part is read for the actor of the request.</summary>
public sealed record TeacherHome((PersonalAgendaView Today, IReadOnlyList<AgendaEventView> Banner) Agenda) : IHasAgenda;

/// <summary>A guardian's home page: the children read through the relationship policy, each recorded in the access history.</summary>
public sealed record GuardianHome(IReadOnlyList<PersonDetails> Children, (PersonalAgendaView Today, IReadOnlyList<AgendaEventView> Banner) Agenda) : IHasAgenda;

/// <summary>Fields every home page shows first and last: the banner, today's agenda, the unread badges.</summary>
internal static class HomeFieldsCommon
{
    /// <summary>The banner and today come from one agenda read, done by the home page's root field.</summary>
    public static void AddBannerAndToday<T>(ObjectGraphType<T> type)
        where T : IHasAgenda
    {
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AgendaEventType>>>, IReadOnlyList<AgendaEventView>>("banner")
            .Description("The important-events banner, shown first: important events that concern the signed-in person, from now to 60 days ahead, soonest first.")
            .Resolve(ctx => ctx.Source.Agenda.Banner);
        type.Field<NonNullGraphType<PersonalAgendaType>, PersonalAgendaView>("today")
            .Description("Today's timetable lessons and agenda events (the UTC day of now); for a guardian, their children's.")
            .Resolve(ctx => ctx.Source.Agenda.Today);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ServiceNoticeType>>>, IReadOnlyList<ServiceNoticeView>>("serviceNotices")
            .Description($"The service banner: open incidents and maintenance under way or starting within {StatusFields.Imminent.TotalHours:0} hours, of the platform and the establishment (see the status page).")
            .ResolveAsync(async ctx => await StatusFields.BannerAsync(ctx));
    }

    public static void AddUnread<T>(ObjectGraphType<T> type)
    {
        type.Field<NonNullGraphType<IntGraphType>, int>("unreadMessages")
            .Description("How many delivered messages the signed-in person has not read yet.")
            .ResolveAsync(async ctx => await MessagingFields.UnreadCountAsync(ctx));
        type.Field<NonNullGraphType<IntGraphType>, int>("unreadNotifications")
            .Description("How many notification groups have something unread.")
            .ResolveAsync(async ctx => await NotificationFields.UnreadCountAsync(ctx));
    }

    public static void AddWork<T>(ObjectGraphType<T> type, Func<T, PersonDetails> student)
    {
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<HomeworkType>>>, IReadOnlyList<HomeworkDetails>>("workDue")
            .Description($"Homework due within {HomeFields.DueSoon.TotalDays:0} days, soonest first.")
            .WithComplexityImpact(1, HomeFields.ExpectedWorkDue)
            .ResolveAsync(async ctx => await HomeFields.WorkDueAsync(ctx, student(ctx.Source)));
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SubmissionType>>>, IReadOnlyList<SubmissionDetails>>("recentFeedback")
            .Description($"The latest submissions that received feedback, latest handed in first, at most {HomeFields.RecentFeedback}.")
            .WithComplexityImpact(1, HomeFields.RecentFeedback)
            .ResolveAsync(async ctx => await HomeFields.RecentFeedbackAsync(ctx, student(ctx.Source)));
    }

    public static void AddRecentResources<T>(ObjectGraphType<T> type) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResourceType>>>, IReadOnlyList<ResourceView>>("recentResources")
            .Description($"The latest resources of the resource bank the signed-in person may see, at most {HomeFields.RecentResources}.")
            .WithComplexityImpact(1, HomeFields.RecentResources)
            .ResolveAsync(async ctx => await ResourceBankFields.RecentAsync(ctx, null, HomeFields.RecentResources));
}

public sealed class StudentHomeType : ObjectGraphType<StudentHome>
{
    public StudentHomeType()
    {
        Name = "StudentHome";
        Description = "A student's home page (page d'accueil): the banner first, today, work due soon, recent feedback, recent resources, unread counts.";
        HomeFieldsCommon.AddBannerAndToday(this);
        HomeFieldsCommon.AddWork(this, h => h.Student);
        HomeFieldsCommon.AddRecentResources(this);
        HomeFieldsCommon.AddUnread(this);
        HomePreferencesFields.AddTo(this, ctx => HomePreferencesFields.StudentFactsAsync(ctx, ctx.Source.Student));
    }
}

public sealed class GuardianHomeType : ObjectGraphType<GuardianHome>
{
    public GuardianHomeType()
    {
        Name = "GuardianHome";
        Description = "A guardian's home page: the banner first, today's timetables of the children, then per child work due, feedback and recent absences; unread counts.";
        HomeFieldsCommon.AddBannerAndToday(this);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChildHomeType>>>, IReadOnlyList<HomeOf>>("children")
            .Description("Each child at the guardian's establishment the relationship policy lets them follow.")
            .WithComplexityImpact(1, HomeFields.ExpectedChildren)
            .Resolve(ctx => [.. ctx.Source.Children.Select(c => new HomeOf(c))]);
        HomeFieldsCommon.AddRecentResources(this);
        HomeFieldsCommon.AddUnread(this);
        HomePreferencesFields.AddTo(this, ctx => HomePreferencesFields.GuardianFactsAsync(ctx, ctx.Source.Children));
    }
}

public sealed class ChildHomeType : ObjectGraphType<HomeOf>
{
    public ChildHomeType()
    {
        Name = "ChildHome";
        Description = "One child on a guardian's home page.";
        Field<NonNullGraphType<PersonType>, PersonDetails>("student").Description("The child.").Resolve(ctx => ctx.Source.Student);
        HomeFieldsCommon.AddWork(this, h => h.Student);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AbsenceType>>>, IReadOnlyList<AbsenceView>>("recentAbsences")
            .Description($"Absences over the last {HomeFields.RecentAbsenceDays} days, latest first.")
            .WithComplexityImpact(1, HomeFields.ExpectedWorkDue)
            .ResolveAsync(async ctx => await HomeFields.RecentAbsencesAsync(ctx, ctx.Source.Student));
    }
}

public sealed class TeacherHomeType : ObjectGraphType<TeacherHome>
{
    public TeacherHomeType()
    {
        Name = "TeacherHome";
        Description = "A teacher's home page: the banner first, today's lessons and events, submissions waiting for feedback, unread counts.";
        HomeFieldsCommon.AddBannerAndToday(this);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SubmissionType>>>, IReadOnlyList<SubmissionDetails>>("awaitingFeedback")
            .Description($"Submissions to the teacher's homework without feedback yet, oldest handed in first, at most {HomeFields.AwaitingFeedback}.")
            .ResolveAsync(async ctx => await HomeFields.AwaitingFeedbackAsync(ctx));
        HomeFieldsCommon.AddUnread(this);
        HomePreferencesFields.AddTo(this, HomePreferencesFields.TeacherFactsAsync);
    }
}
