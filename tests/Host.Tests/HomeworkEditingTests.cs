using System.Text.Json.Nodes;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>Editing homework with optimistic concurrency: an edit names the version it was made from.</summary>
[Collection(AppHost.Name)]
public class HomeworkEditingTests(AppFactory app)
{
    private const string Edit = "mutation($i: EditHomeworkInput!) { editHomework(input: $i) { homework { id version instructions dueAt expectedFormat editedAt } userErrors { code message currentVersion } } }";
    private const string Read = "query($c: ID!) { classHomework(classId: $c) { nodes { id version instructions dueAt } } }";

    [Fact]
    public async Task A_teacher_edits_homework_from_the_version_they_read_and_the_version_goes_up()
    {
        var (family, homeworkId) = await HomeworkAsync();
        var dueAt = app.Clock.GetUtcNow().AddDays(5);

        var edited = (await app.Client(family.School.TeacherToken).SendAsync(Edit, Input(homeworkId, 1, "Exercices 1 à 5, p. 12", dueAt, "TEXT"))).Ok()["editHomework"]!["homework"]!;

        Assert.Equal(2, edited["version"]!.GetValue<int>());
        Assert.Equal("Exercices 1 à 5, p. 12", edited["instructions"]!.GetValue<string>());
        Assert.Equal(dueAt, edited["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("TEXT", edited["expectedFormat"]!.GetValue<string>());
        Assert.NotNull(edited["editedAt"]);
    }

    [Fact]
    public async Task Two_teachers_editing_the_same_homework_at_once_one_wins_the_others_get_CONFLICT_with_the_current_version()
    {
        var (family, homeworkId) = await HomeworkAsync();
        var dueAt = app.Clock.GetUtcNow().AddDays(4);
        var teachers = new[] { family.School.TeacherToken, family.OtherTeacherToken };

        // Eight simultaneous edits, all made from version 1: two teachers, each in several tabs.
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            app.Client(teachers[i % 2]).SendAsync(Edit, Input(homeworkId, 1, $"Version de l'onglet {i}", dueAt))));

        var winners = answers.Where(a => a.FirstErrorCode is null).ToList();
        var losers = answers.Where(a => a.FirstErrorCode is not null).ToList();
        var winner = Assert.Single(winners).Data!["editHomework"]!["homework"]!;
        Assert.All(losers, l =>
        {
            Assert.Equal("CONFLICT", l.FirstErrorCode);
            Assert.Equal(2, l.FirstErrorExtension("currentVersion")!.GetValue<int>());
        });
        var stored = await ReadAsync(family, homeworkId);
        Assert.Equal(2, stored["version"]!.GetValue<int>());
        Assert.Equal(winner["instructions"]!.GetValue<string>(), stored["instructions"]!.GetValue<string>()); // the winner's edit is what everyone reads
    }

    [Fact]
    public async Task An_edit_made_from_an_old_version_is_refused_and_the_newer_edit_stays()
    {
        var (family, homeworkId) = await HomeworkAsync();
        var teacher = app.Client(family.School.TeacherToken);
        var dueAt = app.Clock.GetUtcNow().AddDays(4);
        (await teacher.SendAsync(Edit, Input(homeworkId, 1, "Première correction", dueAt))).Ok();

        var stale = await app.Client(family.OtherTeacherToken).SendAsync(Edit, Input(homeworkId, 1, "Correction d'un autre onglet", dueAt));

        Assert.Equal("CONFLICT", stale.FirstErrorCode);
        Assert.Equal(2, stale.FirstErrorExtension("currentVersion")!.GetValue<int>());
        Assert.Equal("Première correction", (await ReadAsync(family, homeworkId))["instructions"]!.GetValue<string>());
        var retried = (await app.Client(family.OtherTeacherToken).SendAsync(Edit, Input(homeworkId, 2, "Correction d'un autre onglet", dueAt))).Ok();
        Assert.Equal(3, retried["editHomework"]!["homework"]!["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_teacher_who_does_not_teach_the_class_cannot_edit_its_homework_and_nothing_changes()
    {
        var (family, homeworkId) = await HomeworkAsync(shareTheClass: false);

        var refused = await app.Client(family.OtherTeacherToken).SendAsync(Edit, Input(homeworkId, 1, "Intrusion", app.Clock.GetUtcNow().AddDays(3)));
        var pastDue = await app.Client(family.School.TeacherToken).SendAsync(Edit, Input(homeworkId, 1, "Trop tard", app.Clock.GetUtcNow().AddDays(-1)));

        Assert.Equal("NOT_FOUND", refused.FirstErrorCode);
        Assert.Equal("VALIDATION", pastDue.FirstErrorCode);
        var stored = await ReadAsync(family, homeworkId);
        Assert.Equal(1, stored["version"]!.GetValue<int>());
        Assert.Equal("p. 12", stored["instructions"]!.GetValue<string>());
    }

    private async Task<(FamilyScenario Family, string HomeworkId)> HomeworkAsync(bool shareTheClass = true)
    {
        var family = await FamilyScenario.CreateAsync(app);
        if (shareTheClass)
        {
            (await app.Client(family.School.AdminToken).SendAsync("mutation($i: TeachingInput!) { assignTeaching(input: $i) { person { id } userErrors { code message } } }",
                new { i = new { teacherId = family.OtherTeacherId, teachingUnitId = family.School.ClassId, subject = SchoolScenario.Subject } })).Ok();
        }

        var assigned = (await app.Client(family.School.TeacherToken).SendAsync("mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { homework { id version } userErrors { code message } } }", new
        {
            i = new { classId = family.School.ClassId, subject = SchoolScenario.Subject, title = "Exercices", instructions = "p. 12", dueAt = app.Clock.GetUtcNow().AddDays(3) },
        })).Ok()["assignHomework"]!["homework"]!;
        Assert.Equal(1, assigned["version"]!.GetValue<int>());
        return (family, assigned["id"]!.GetValue<string>());
    }

    private async Task<JsonNode> ReadAsync(FamilyScenario family, string homeworkId) =>
        (await app.Client(family.School.TeacherToken).SendAsync(Read, new { c = family.School.ClassId })).Ok()["classHomework"]!["nodes"]!.AsArray()
            .Single(h => h!["id"]!.GetValue<string>() == homeworkId)!;

    private static object Input(string homeworkId, int expectedVersion, string instructions, DateTimeOffset dueAt, string? expectedFormat = null) =>
        new { i = new { homeworkId, expectedVersion, instructions, dueAt, expectedFormat } };
}
