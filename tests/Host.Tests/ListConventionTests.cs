using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Host.GraphQL;
using MonBureau.Host.GraphQL.Paging;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>
/// Every list of records in the API is a Relay connection (ADR 0018), so that no list can grow without bound in one
/// response. A plain list is only allowed when the domain bounds it, and then it is named below with the reason.
/// </summary>
[Collection(AppHost.Name)]
public class ListConventionTests(AppFactory app)
{
    /// <summary>Plain lists of records, each bounded by the domain: adding one here is a reviewed decision.</summary>
    private static readonly Dictionary<string, string> BoundedLists = new()
    {
        ["Project.milestones"] = "one project's milestones: at most 40, cancelled ones included",
        ["Query.absenceReasons"] = "the establishment's reasons of absence: a short reference list",
        ["Absence.documents"] = "the scanned documents of one justification (a few files)",
        ["Absence.halfDays"] = "the half-days of one absence",
        ["AttendanceSummary.absences"] = "one student's absences over at most a school year, capped at 200",
        ["AttendanceSummary.latenesses"] = "one student's latenesses over at most a school year, capped at 200",
        ["ChildHome.recentAbsences"] = "home page: one child's absences of the last 30 days",
        ["ChildHome.recentFeedback"] = "home page: capped at 10",
        ["ChildHome.workDue"] = "home page: one child's work due in the next 7 days",
        ["GuardianHome.banner"] = "home page: important events of the next 60 days",
        ["GuardianHome.children"] = "a guardian's children",
        ["GuardianHome.recentResources"] = "home page: capped at 5",
        ["StudentHome.banner"] = "home page: important events of the next 60 days",
        ["StudentHome.recentFeedback"] = "home page: capped at 10",
        ["StudentHome.recentResources"] = "home page: capped at 5",
        ["StudentHome.workDue"] = "home page: work due in the next 7 days",
        ["TeacherHome.awaitingFeedback"] = "home page: capped at 50",
        ["TeacherHome.banner"] = "home page: important events of the next 60 days",
        ["StudentHome.serviceNotices"] = "home page: open incidents and maintenance within a day (a handful at most)",
        ["GuardianHome.serviceNotices"] = "home page: open incidents and maintenance within a day (a handful at most)",
        ["TeacherHome.serviceNotices"] = "home page: open incidents and maintenance within a day (a handful at most)",
        ["ServiceNotice.timeline"] = "one incident's updates, from investigating to resolved",
        ["SchoolLifeDashboard.alerts"] = "dashboard: capped at 200",
        ["SchoolLifeDashboard.pendingJustifications"] = "dashboard: capped at 200",
        ["ImportReport.needsReview"] = "the lines of one (size-limited) import file that need a look",
        ["ImportReport.rejected"] = "the lines of one (size-limited) import file that were refused",
        ["ScheduleImportReport.needsReview"] = "the lines of one (size-limited) import file that need a look",
        ["ScheduleImportReport.rejected"] = "the lines of one (size-limited) import file that were refused",
        ["LessonLogEntry.attachments"] = "the files attached to one entry",
        ["Homework.documents"] = "at most 5 workspace files handed out with one homework",
        ["Message.attachments"] = "at most 5 files per message",
        ["Message.receipts"] = "a message's recipients (at most 5000), from the thread's document, for its author only",
        ["MessageThread.firstReplies"] = "one per guardian's message to a teacher in one thread",
        ["MessageThread.messages"] = "one conversation, held whole in the thread's document",
        ["Person.children"] = "a guardian's children",
        ["Person.profiles"] = "a person's profiles (one per role and establishment)",
        ["Person.teachings"] = "a teacher's teaching assignments",
        ["SessionTokens.profiles"] = "a person's profiles (one per role and establishment)",
        ["PersonalAgenda.events"] = "a period of at most 186 days",
        ["PersonalAgenda.lessons"] = "a period of at most 186 days",
        ["RollCall.marks"] = "one mark per student of one class or group",
        ["RollCall.corrections"] = "the corrections of one roll call",
        ["RollCallCorrection.changes"] = "the marks one correction changed",
        ["Submission.feedback"] = "the feedback given on one submission",
        ["Submission.files"] = "the files of one submission (size-limited)",
        ["Query.myTimetable"] = "one week of lessons",
        ["Query.nodes"] = "Relay's nodes(ids:): one per id asked, at most 100",
        ["Query.notificationPreferences"] = "one setting per notification category",
        ["Query.retentionPolicies"] = "one line per data category of the retention register",
        ["AddAbsenceReasonPayload.absenceReasons"] = "returns the establishment's reasons of absence after the change",
        ["RetireAbsenceReasonPayload.absenceReasons"] = "returns the establishment's reasons of absence after the change",
        ["GiveConsentPayload.consentStatuses"] = "returns the person's consents, one per optional processing",
        ["WithdrawConsentPayload.consentStatuses"] = "returns the person's consents, one per optional processing",
        ["OverrideRetentionPayload.retentionPolicies"] = "returns the retention register, one line per data category",
        ["SetNotificationPreferencePayload.notificationPreferenceSettings"] = "returns one setting per notification category",
        ["IndicatorDashboard.rows"] = "classes and the establishment in alert this week or last: at most one row per class and indicator",
        ["Query.indicatorAlerts"] = "the establishment's current alerts: at most one per class and indicator",
        ["Query.indicatorSeries"] = "one indicator's weeks over a school year (at most 53)",
        ["Query.moduleUsage"] = "one figure per measured module and profile this week (nine)",
        ["Query.indicatorThresholds"] = "one threshold per indicator",
        ["SetIndicatorThresholdPayload.indicatorThresholds"] = "returns one threshold per indicator",
        ["Assessment.marks"] = "one assessment's marks: one line per student of its class or group",
        ["GradeBook.assessments"] = "one class's assessments in one subject and term",
        ["GradeBook.students"] = "the students of one class or group",
        ["GradeCalendar.terms"] = "a school year's 2 to 4 terms",
        ["ReportCardAppreciations.subjects"] = "one student's subjects in one term",
        ["StudentTermGrades.subjects"] = "one student's subjects in one term",
        ["SubjectGrades.marks"] = "one student's marks in one subject and term",
        ["Portfolio.entries"] = "one portfolio's entries, at most 100",
        ["PortfolioEntry.feedbackRequests"] = "the teachers of one student asked about one entry",
        ["PortfolioEntry.feedback"] = "the feedback given on one portfolio entry",
        ["HomePreferences.widgets"] = "one profile's widgets (nine kinds at most, each once)",
        ["StudentHome.widgets"] = "home page: the profile's widgets, each once",
        ["GuardianHome.widgets"] = "home page: the profile's widgets, each once",
        ["TeacherHome.widgets"] = "home page: the profile's widgets, each once",
        ["StudentHome.checklist"] = "home page: this week's work due, counts and one reminder",
        ["GuardianHome.checklist"] = "home page: absences of the last 30 days to justify, counts and one reminder",
        ["TeacherHome.checklist"] = "home page: counts and one reminder",
    };

    [Fact]
    public void Every_list_of_records_is_a_connection_unless_the_domain_bounds_it()
    {
        var schema = Schema();
        var plainLists = schema.AllTypes
            .OfType<IObjectGraphType>()
            .Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && !IsConnectionPart(t))
            // A mutation's user errors (ADR 0027): the few reasons one change was refused.
            .SelectMany(t => t.Fields.Where(f => IsListOfRecords(f.ResolvedType!) && !(t.Name.EndsWith("Payload", StringComparison.Ordinal) && f.Name == "userErrors")).Select(f => $"{t.Name}.{f.Name}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        var unpaged = plainLists.Except(BoundedLists.Keys).ToList();
        Assert.True(unpaged.Count == 0, $"Make these lists connections (.Connection<,>, ADR 0018), or name them in BoundedLists with the reason: {string.Join(", ", unpaged)}");
        Assert.Empty(BoundedLists.Keys.Except(plainLists));
    }

    [Fact]
    public void Every_connection_is_named_after_its_items_and_takes_first_and_after()
    {
        var schema = Schema();
        var fields = schema.AllTypes.OfType<IObjectGraphType>()
            .SelectMany(t => t.Fields.Where(f => Unwrap(f.ResolvedType!) is { } type && IsConnectionPart(type)).Select(f => (t, f)))
            .ToList();

        Assert.NotEmpty(fields);
        Assert.All(fields, x =>
        {
            var connection = (IObjectGraphType)Unwrap(x.f.ResolvedType!);
            Assert.Equal($"{Unwrap(connection.GetField("nodes")!.ResolvedType!).Name}Connection", connection.Name);
            Assert.Equal(["after", "first"], x.f.Arguments!.Select(a => a.Name).Where(a => a is "first" or "after").Order(StringComparer.Ordinal));
        });
    }

    private MonBureauSchema Schema()
    {
        var schema = app.Services.GetRequiredService<MonBureauSchema>();
        schema.Initialize();
        return schema;
    }

    private static bool IsListOfRecords(IGraphType type) =>
        (type is NonNullGraphType nonNull ? nonNull.ResolvedType : type) is ListGraphType list && Unwrap(list.ResolvedType!) is IObjectGraphType or IAbstractGraphType;

    private static IGraphType Unwrap(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Unwrap(nonNull.ResolvedType!),
        ListGraphType list => Unwrap(list.ResolvedType!),
        _ => type,
    };

    private static bool IsConnectionPart(IGraphType type) =>
        type.GetType() is { IsGenericType: true } generic && generic.GetGenericTypeDefinition() == typeof(ConnectionType<,>);
}
