using System.Text.Json.Nodes;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MonBureau.Host.Tests;

[Collection(AppHost.Name)]
public class HomePageTests(AppFactory app, ITestOutputHelper output)
{
    private const string StudentHome = """
        { studentHome { banner { title } today { events { title } lessons { startsAt } }
          workDue { title } recentFeedback { homeworkId } recentResources { title } unreadMessages unreadNotifications } }
        """;

    private const string GuardianHome = """
        { guardianHome { banner { title } today { events { title } }
          children { student { id givenName } workDue { title } recentFeedback { homeworkId } recentAbsences { studentId } }
          recentResources { title } unreadMessages unreadNotifications } }
        """;

    private const string TeacherHome = """
        { teacherHome { banner { title } today { lessons { startsAt } events { title } } awaitingFeedback { id studentId } unreadMessages unreadNotifications } }
        """;

    private const string Schedule = "mutation($i: ScheduleAgendaEventInput!) { scheduleAgendaEvent(input: $i) { agendaEvent { id } userErrors { code message } } }";
    private const string Assign = "mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { homework { id } userErrors { code message } } }";
    private const string Submit = "mutation($i: SubmitHomeworkInput!) { submitHomework(input: $i) { submission { id } userErrors { code message } } }";
    private const string Feedback = "mutation($i: GiveSubmissionFeedbackInput!) { giveSubmissionFeedback(input: $i) { submission { id } userErrors { code message } } }";

    private async Task ScheduleAsync(string token, string audience, Guid? unit, string title, TimeSpan inTime, bool important) =>
        (await app.Client(token).SendAsync(Schedule, new
        {
            i = new { audience, teachingUnitId = unit, kind = "OTHER", title, startsAt = app.Clock.GetUtcNow() + inTime, endsAt = app.Clock.GetUtcNow() + inTime + TimeSpan.FromHours(1), important },
        })).Ok();

    private async Task<string> AssignAsync(SchoolScenario school, string title, TimeSpan dueIn) =>
        (await app.Client(school.TeacherToken).SendAsync(Assign, new
        {
            i = new { classId = school.ClassId, subject = SchoolScenario.Subject, title, instructions = "Exercices 1 à 3.", dueAt = app.Clock.GetUtcNow() + dueIn, expectedFormat = "TEXT" },
        })).Ok()["assignHomework"]!["homework"]!["id"]!.GetValue<string>();

    private async Task<string> HandInAsync(string token, string homeworkId) =>
        (await app.Client(token).SendAsync(Submit, new { i = new { homeworkId, text = "Ma réponse." } })).Ok()["submitHomework"]!["submission"]!["id"]!.GetValue<string>();

    private static List<string> Titles(JsonNode? list) => [.. list!.AsArray().Select(n => n!["title"]!.GetValue<string>())];

    [Fact]
    public async Task A_students_morning_shows_the_banner_first_then_today_work_due_feedback_and_resources()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var direction = await AgendaPeople.StaffAsync(app, school, Role.Direction);
        await ScheduleAsync(direction.Token, "ESTABLISHMENT", null, "Conseil de classe exceptionnel", TimeSpan.FromDays(3), important: true);
        await ScheduleAsync(school.TeacherToken, "CLASS", school.ClassId, "Sortie au musée", TimeSpan.FromHours(2), important: false);
        var corrected = await AssignAsync(school, "Exercices corrigés", TimeSpan.FromHours(1));
        await AssignAsync(school, "DM fonctions", TimeSpan.FromDays(2));
        await AssignAsync(school, "Exposé de fin de trimestre", TimeSpan.FromDays(20));
        var submission = await HandInAsync(school.StudentToken, corrected);
        (await app.Client(school.TeacherToken).SendAsync(Feedback, new { i = new { submissionId = submission, comment = "Bien, revoir l'exercice 2." } })).Ok();
        (await app.Client(school.TeacherToken).SendAsync("mutation($i: PublishResourceInput!) { publishResource(input: $i) { resource { id } userErrors { code message } } }", new
        {
            i = new { title = "Fiche méthode : dérivées", subject = SchoolScenario.Subject, body = "Tableau des dérivées usuelles.", sharing = "ESTABLISHMENT" },
        })).Ok();

        var home = (await app.Client(school.StudentToken).SendAsync(StudentHome)).Ok()["studentHome"]!;
        var fields = (await app.Client(school.StudentToken).SendAsync("{ __type(name: \"StudentHome\") { fields { name } } }")).Ok()["__type"]!["fields"]!.AsArray();

        Assert.Equal("banner", fields[0]!["name"]!.GetValue<string>());
        Assert.Equal(["Conseil de classe exceptionnel"], Titles(home["banner"]));
        Assert.Contains("Sortie au musée", Titles(home["today"]!["events"]));
        Assert.Equal(["Exercices corrigés", "DM fonctions"], Titles(home["workDue"]));
        Assert.Equal(corrected, Assert.Single(home["recentFeedback"]!.AsArray())!["homeworkId"]!.GetValue<string>());
        Assert.Contains("Fiche méthode : dérivées", Titles(home["recentResources"]));
        Assert.Equal(0, home["unreadMessages"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_guardian_with_two_children_sees_both_with_their_absences_and_never_another_familys_child()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var guardian = await AgendaPeople.GuardianOfStudentAsync(app, school);
        var otherClass = await AgendaPeople.ClassAsync(app, school, "6e 2");
        var sibling = await AgendaPeople.StudentInAsync(app, school, otherClass);
        (await app.Client(school.AdminToken).SendAsync("mutation($i: LinkGuardianInput!) { linkGuardian(input: $i) { person { id } userErrors { code message } } }", new
        {
            i = new { guardianId = guardian.Id, studentId = sibling.Id, rights = new { legalGuardian = true, mayJustifyAbsences = true, receivesSchoolLifeNotices = true } },
        })).Ok();
        var neighbour = await AgendaPeople.StudentInAsync(app, school, school.ClassId);
        var cpe = await AgendaPeople.StaffAsync(app, school, Role.SchoolLifeOffice, "Roth");
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var absent in new[] { school.StudentId, neighbour.Id })
            (await app.Client(cpe.Token).SendAsync("mutation($i: RecordAbsenceInput!) { recordAbsence(input: $i) { absence { id } userErrors { code message } } }", new { i = new { studentId = absent, from = today } })).Ok();
        await AssignAsync(school, "Lecture : chapitre 2", TimeSpan.FromDays(1));

        var home = (await app.Client(guardian.Token).SendAsync(GuardianHome)).Ok()["guardianHome"]!;

        var children = home["children"]!.AsArray().ToDictionary(c => Guid.Parse(c!["student"]!["id"]!.GetValue<string>()), c => c!);
        Assert.Equal([school.StudentId, sibling.Id], children.Keys.Order());
        Assert.DoesNotContain(neighbour.Id, children.Keys);
        Assert.Equal(school.StudentId.ToString(), Assert.Single(children[school.StudentId]["recentAbsences"]!.AsArray())!["studentId"]!.GetValue<string>());
        Assert.Empty(children[sibling.Id]["recentAbsences"]!.AsArray());
        Assert.Equal(["Lecture : chapitre 2"], Titles(children[school.StudentId]["workDue"]));
        Assert.Empty(children[sibling.Id]["workDue"]!.AsArray());

        var officer = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, school.EstablishmentId)));
        var history = (await officer.SendAsync("query($s: ID!) { accessHistory(subjectId: $s, category: ABSENCES) { nodes { actorId operation } } }", new { s = sibling.Id })).Ok();
        Assert.Contains(history["accessHistory"]!["nodes"]!.AsArray(), n => n!["actorId"]!.GetValue<string>() == guardian.Id.ToString());
    }

    [Fact]
    public async Task A_teachers_morning_lists_the_submissions_waiting_for_feedback_and_not_those_already_marked()
    {
        var day = await TeachingDay.CreateAsync(app);
        var school = day.School;
        var homework = await AssignAsync(school, "DM probabilités", TimeSpan.FromDays(1));
        var marked = await HandInAsync(school.StudentToken, homework);
        var waiting = await HandInAsync(day.ClassmateToken, homework);
        (await app.Client(school.TeacherToken).SendAsync(Feedback, new { i = new { submissionId = marked, comment = "Très bien." } })).Ok();

        var home = (await app.Client(school.TeacherToken).SendAsync(TeacherHome)).Ok()["teacherHome"]!;
        var colleague = (await app.Client(day.ColleagueToken).SendAsync(TeacherHome)).Ok()["teacherHome"]!;

        Assert.Equal(waiting, Assert.Single(home["awaitingFeedback"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Empty(colleague["awaitingFeedback"]!.AsArray());
    }

    [Fact]
    public async Task Only_a_student_a_guardian_and_a_teacher_open_their_own_home_page()
    {
        var school = await SchoolScenario.CreateAsync(app);

        Assert.Equal("FORBIDDEN", (await app.Client(school.TeacherToken).SendAsync(StudentHome)).FirstErrorCode);
        Assert.Equal("FORBIDDEN", (await app.Client(school.StudentToken).SendAsync(TeacherHome)).FirstErrorCode);
        Assert.Equal("FORBIDDEN", (await app.Client(school.StudentToken).SendAsync(GuardianHome)).FirstErrorCode);
    }

    [Fact]
    public async Task A_home_page_costs_the_same_number_of_sql_round_trips_whatever_the_amount_of_data()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var student = app.Client(school.StudentToken);
        var (before, small) = await SqlRoundTrips.CountAsync(student, StudentHome);
        before.Ok();

        for (var i = 0; i < 5; i++)
            await HandInAsync(school.StudentToken, await AssignAsync(school, $"Série {i}", TimeSpan.FromDays(1 + i)));
        for (var i = 0; i < 5; i++)
            await ScheduleAsync(school.TeacherToken, "CLASS", school.ClassId, $"Contrôle {i}", TimeSpan.FromDays(1 + i), important: true);
        var (after, larger) = await SqlRoundTrips.CountAsync(student, StudentHome);
        after.Ok();
        var (_, teacher) = await SqlRoundTrips.CountAsync(app.Client(school.TeacherToken), TeacherHome);
        var guardian = await AgendaPeople.GuardianOfStudentAsync(app, school);
        var (_, oneChild) = await SqlRoundTrips.CountAsync(app.Client(guardian.Token), GuardianHome);
        var sibling = await AgendaPeople.StudentInAsync(app, school, school.ClassId);
        (await app.Client(school.AdminToken).SendAsync("mutation($i: LinkGuardianInput!) { linkGuardian(input: $i) { person { id } userErrors { code message } } }", new
        {
            i = new { guardianId = guardian.Id, studentId = sibling.Id, rights = new { legalGuardian = true, mayJustifyAbsences = true, receivesSchoolLifeNotices = true } },
        })).Ok();
        var (_, twoChildren) = await SqlRoundTrips.CountAsync(app.Client(guardian.Token), GuardianHome);
        output.WriteLine($"SQL commands: student {small} then {larger}, teacher {teacher}, guardian of one child {oneChild}, of two {twoChildren}");

        Assert.InRange(small, 1, HomeBounds.Student);
        Assert.Equal(small, larger);
        Assert.InRange(teacher, 1, HomeBounds.Teacher);
        Assert.InRange(twoChildren - oneChild, 1, HomeBounds.GuardianPerChild);
        Assert.InRange(oneChild, 1, HomeBounds.Guardian + HomeBounds.GuardianPerChild);
    }
}

/// <summary>The SQL round trips a home page may cost (docs/benchmarks.md gives the measured figures).</summary>
internal static class HomeBounds
{
    public const int Student = 13;
    public const int Teacher = 8;
    public const int Guardian = 9;
    public const int GuardianPerChild = 8;
}
