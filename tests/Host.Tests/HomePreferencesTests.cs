using System.Globalization;
using System.Text.Json.Nodes;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

[Collection(AppHost.Name)]
public class HomePreferencesTests(AppFactory app)
{
    private const string Preferences = "{ myHomePreferences { mode widgets { kind visible } availableWidgets } }";
    private const string SetMode = "mutation($i: SetHomeModeInput!) { setHomeMode(input: $i) { homePreferences { mode } userErrors { code message } } }";
    private const string Configure = "mutation($i: ConfigureHomeWidgetsInput!) { configureHomeWidgets(input: $i) { homePreferences { widgets { kind visible } } userErrors { code message field } } }";
    private const string Tick = "mutation($i: TickWeeklyReminderInput!) { tickWeeklyReminder(input: $i) { homePreferences { mode } userErrors { code message } } }";
    private const string Checklist = "mode shortcuts widgets { kind } checklist { kind label done targetId studentId count reminder }";

    private async Task<Guid> AssignAsync(SchoolScenario school, string title, DateTimeOffset dueAt) =>
        SchoolScenario.IdOf((await app.Client(school.TeacherToken).SendAsync(
            "mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { homework { id } userErrors { code message } } }",
            new { i = new { classId = school.ClassId, subject = SchoolScenario.Subject, title, instructions = "À faire.", dueAt } })).Ok()["assignHomework"]!["homework"]);

    private async Task HandInAsync(SchoolScenario school, Guid homeworkId) =>
        (await app.Client(school.StudentToken).SendAsync(
            "mutation($i: SubmitHomeworkInput!) { submitHomework(input: $i) { submission { id } userErrors { code message } } }",
            new { i = new { homeworkId, text = "Fait." } })).Ok();

    private async Task<JsonNode> HomeAsync(string token, string page) =>
        (await app.Client(token).SendAsync($"{{ {page} {{ {Checklist} }} }}")).Ok()[page]!;

    private static List<JsonNode> Items(JsonNode home, string kind) =>
        [.. home["checklist"]!.AsArray().Where(i => i!["kind"]!.GetValue<string>() == kind).Select(i => i!)];

    [Fact]
    public async Task A_student_s_guided_home_lists_the_week_s_work_not_handed_in_and_remembers_a_ticked_reminder()
    {
        var tuesday = app.MoveToNext(DayOfWeek.Tuesday, 10);
        var school = await SchoolScenario.CreateAsync(app);
        var pending = await AssignAsync(school, "Exercices 12 à 15", tuesday.AddDays(2));
        var handedIn = await AssignAsync(school, "Lecture", tuesday.AddDays(1));
        await AssignAsync(school, "Dissertation", tuesday.AddDays(9));
        await HandInAsync(school, handedIn);

        var home = await HomeAsync(school.StudentToken, "studentHome");

        Assert.Equal("GUIDED", home["mode"]!.GetValue<string>());
        Assert.Contains("HOMEWORK", home["shortcuts"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Empty(home["widgets"]!.AsArray());
        var work = Assert.Single(Items(home, "HOMEWORK_DUE"));
        Assert.Equal(pending.ToString(), work["targetId"]!.GetValue<string>());
        Assert.Equal("Rendre « Exercices 12 à 15 »", work["label"]!.GetValue<string>());
        Assert.False(Assert.Single(Items(home, "REMINDER"))["done"]!.GetValue<bool>());

        (await app.Client(school.StudentToken).SendAsync(Tick, new { i = new { reminder = "PLAN_THE_WEEK", done = true } })).Ok();
        await HandInAsync(school, pending);

        var after = await HomeAsync(school.StudentToken, "studentHome");
        Assert.Empty(Items(after, "HOMEWORK_DUE"));
        Assert.True(Assert.Single(Items(after, "REMINDER"))["done"]!.GetValue<bool>());
        Assert.Equal("VALIDATION", (await app.Client(school.StudentToken).SendAsync(Tick, new { i = new { reminder = "FILL_IN_THE_LESSON_LOG", done = true } })).FirstErrorCode);
    }

    [Fact]
    public async Task In_expert_mode_the_home_page_shows_the_person_s_visible_widgets_in_their_order_and_no_checklist()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var student = app.Client(school.StudentToken);

        Assert.Equal("EXPERT", (await student.SendAsync(SetMode, new { i = new { mode = "EXPERT" } })).Ok()["setHomeMode"]!["homePreferences"]!["mode"]!.GetValue<string>());
        (await student.SendAsync(Configure, new
        {
            i = new { widgets = new object[] { new { kind = "MESSAGES", visible = true }, new { kind = "TIMETABLE", visible = false }, new { kind = "PORTFOLIOS", visible = true } } },
        })).Ok();

        var home = await HomeAsync(school.StudentToken, "studentHome");
        Assert.Equal("EXPERT", home["mode"]!.GetValue<string>());
        Assert.Equal(["MESSAGES", "PORTFOLIOS"], home["widgets"]!.AsArray().Select(w => w!["kind"]!.GetValue<string>()));
        Assert.Null(home["checklist"]);
        Assert.Empty(home["shortcuts"]!.AsArray());
        var stored = (await student.SendAsync(Preferences)).Ok()["myHomePreferences"]!;
        Assert.Equal(["MESSAGES", "TIMETABLE", "PORTFOLIOS"], stored["widgets"]!.AsArray().Select(w => w!["kind"]!.GetValue<string>()));
        Assert.False(stored["widgets"]![1]!["visible"]!.GetValue<bool>());
        Assert.Equal("GUIDED", (await app.Client(school.TeacherToken).SendAsync(Preferences)).Ok()["myHomePreferences"]!["mode"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_widget_foreign_to_the_profile_or_named_twice_is_refused_and_nothing_changes()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var student = app.Client(school.StudentToken);
        var before = (await student.SendAsync(Preferences)).Ok()["myHomePreferences"]!.ToJsonString();

        var foreign = await student.SendAsync(Configure, new { i = new { widgets = new[] { new { kind = "ABSENCES", visible = true } } } });
        var twice = await student.SendAsync(Configure, new { i = new { widgets = new[] { new { kind = "GRADES", visible = true }, new { kind = "GRADES", visible = false } } } });

        Assert.Equal("VALIDATION", foreign.FirstErrorCode);
        Assert.Contains("ABSENCES", foreign.FirstErrorMessage.ToUpperInvariant(), StringComparison.Ordinal);
        Assert.Equal("widgets", foreign.UserErrors[0]["field"]![1]!.GetValue<string>());
        Assert.Equal("VALIDATION", twice.FirstErrorCode);
        Assert.Equal(before, (await student.SendAsync(Preferences)).Ok()["myHomePreferences"]!.ToJsonString());
        var defaults = JsonNode.Parse(before)!;
        Assert.Equal("GUIDED", defaults["mode"]!.GetValue<string>());
        Assert.Contains("PORTFOLIOS", defaults["availableWidgets"]!.AsArray().Select(w => w!.GetValue<string>()));
    }

    [Fact]
    public async Task A_guardian_s_checklist_asks_to_justify_the_child_s_absence_until_it_is_justified()
    {
        app.MoveToNext(DayOfWeek.Wednesday, 10);
        var family = await FamilyScenario.CreateAsync(app);
        var today = GradesTermTests.Today(app).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var absenceId = SchoolScenario.IdOf((await app.Client(family.CpeToken).SendAsync(
            "mutation($i: RecordAbsenceInput!) { recordAbsence(input: $i) { absence { id } userErrors { code message } } }",
            new { i = new { studentId = family.School.StudentId, from = today, fromPart = "MORNING", to = today, toPart = "MORNING" } })).Ok()["recordAbsence"]!["absence"]);

        var item = Assert.Single(Items(await HomeAsync(family.GuardianToken, "guardianHome"), "ABSENCE_TO_JUSTIFY"));

        Assert.Equal(absenceId.ToString(), item["targetId"]!.GetValue<string>());
        Assert.Equal(family.School.StudentId.ToString(), item["studentId"]!.GetValue<string>());
        (await app.Client(family.GuardianToken).SendAsync(
            "mutation($i: JustifyAbsenceInput!) { justifyAbsence(input: $i) { absence { id } userErrors { code message } } }",
            new { i = new { absenceId, reasonCode = "MALADIE", explanation = "Fièvre." } })).Ok();
        Assert.Empty(Items(await HomeAsync(family.GuardianToken, "guardianHome"), "ABSENCE_TO_JUSTIFY"));
        Assert.Empty(Items(await HomeAsync(family.OtherGuardianToken, "guardianHome"), "ABSENCE_TO_JUSTIFY"));
    }

    [Fact]
    public async Task A_teacher_s_checklist_counts_the_work_waiting_for_feedback()
    {
        var school = await SchoolScenario.CreateAsync(app);
        await HandInAsync(school, await AssignAsync(school, "Exposé", app.Clock.GetUtcNow().AddDays(3)));

        var item = Assert.Single(Items(await HomeAsync(school.TeacherToken, "teacherHome"), "SUBMISSIONS_TO_REVIEW"));

        Assert.Equal(1, item["count"]!.GetValue<int>());
        Assert.Equal("FILL_IN_THE_LESSON_LOG", Assert.Single(Items(await HomeAsync(school.TeacherToken, "teacherHome"), "REMINDER"))["reminder"]!.GetValue<string>());
    }
}
