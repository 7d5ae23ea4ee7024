using System.Globalization;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

[Collection(AppHost.Name)]
public class CourseSequenceTests(AppFactory app)
{
    private const string Write = "mutation($i: WriteLessonLogEntryInput!) { writeLessonLogEntry(input: $i) { lessonLogEntry { id } userErrors { code message } } }";
    private const string Assign = "mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { homework { id } userErrors { code message } } }";
    private const string Clone = "mutation($i: CloneCourseSequenceInput!) { cloneCourseSequence(input: $i) { courseSequenceCopied { lessons homework } userErrors { code message } } }";
    private const string UnitLog = "query($id: ID!) { lessonLog(teachingUnitId: $id) { nodes { title content lessonDate } } }";

    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<Guid> SecondClassTaughtByTheTeacherAsync(SchoolScenario school)
    {
        var admin = app.Client(school.AdminToken);
        var classId = SchoolScenario.IdOf((await admin.SendAsync(
            "mutation($i: CreateClassInput!) { createClass(input: $i) { schoolClass { id } userErrors { code message } } }",
            new { i = new { establishmentId = school.EstablishmentId, name = "2nde 4" } })).Ok()["createClass"]!["schoolClass"]);
        (await admin.SendAsync(
            "mutation($i: TeachingInput!) { assignTeaching(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { teacherId = school.TeacherId, teachingUnitId = classId, subject = SchoolScenario.Subject } })).Ok();
        return classId;
    }

    [Fact]
    public async Task A_teacher_copies_a_sequence_to_another_class_a_week_later_with_every_date_moved_by_a_week()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var otherClass = await SecondClassTaughtByTheTeacherAsync(school);
        var teacher = app.Client(school.TeacherToken);
        var start = Today;
        (await teacher.SendAsync(Write, new { i = new { teachingUnitId = school.ClassId, subject = SchoolScenario.Subject, lessonDate = Day(start), title = "Fonctions affines (1)", content = "Définition." } })).Ok();
        (await teacher.SendAsync(Write, new { i = new { teachingUnitId = school.ClassId, subject = SchoolScenario.Subject, lessonDate = Day(start.AddDays(2)), title = "Fonctions affines (2)", content = "Représentation graphique." } })).Ok();
        var due = app.Clock.GetUtcNow().AddDays(3);
        (await teacher.SendAsync(Assign, new { i = new { classId = school.ClassId, subject = SchoolScenario.Subject, title = "Exercices 12 à 15", instructions = "Page 84.", dueAt = due } })).Ok();

        var copied = (await teacher.SendAsync(Clone, new
        {
            i = new { fromTeachingUnitId = school.ClassId, subject = SchoolScenario.Subject, from = Day(start), to = Day(start.AddDays(6)), toTeachingUnitId = otherClass, startingOn = Day(start.AddDays(7)) },
        })).Ok()["cloneCourseSequence"]!["courseSequenceCopied"]!;

        Assert.Equal(2, copied["lessons"]!.GetValue<int>());
        Assert.Equal(1, copied["homework"]!.GetValue<int>());
        var log = (await teacher.SendAsync(UnitLog, new { id = otherClass })).Ok()["lessonLog"]!["nodes"]!.AsArray();
        Assert.Equal([Day(start.AddDays(9)), Day(start.AddDays(7))], log.Select(e => e!["lessonDate"]!.GetValue<string>()).OrderDescending());
        var work = Assert.Single((await teacher.SendAsync("query($c: ID!) { classHomework(classId: $c) { nodes { title dueAt } } }", new { c = otherClass })).Ok()["classHomework"]!["nodes"]!.AsArray())!;
        Assert.Equal(due.AddDays(7), work["dueAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Copying_to_a_class_the_teacher_does_not_teach_is_refused_and_nothing_is_written()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var other = await SchoolScenario.CreateAsync(app);
        var teacher = app.Client(school.TeacherToken);
        (await teacher.SendAsync(Write, new { i = new { teachingUnitId = school.ClassId, subject = SchoolScenario.Subject, lessonDate = Day(Today), title = "Cours", content = "Contenu." } })).Ok();

        var refused = await teacher.SendAsync(Clone, new
        {
            i = new { fromTeachingUnitId = school.ClassId, subject = SchoolScenario.Subject, from = Day(Today), to = Day(Today), toTeachingUnitId = other.ClassId, startingOn = Day(Today.AddDays(7)) },
        });

        Assert.Equal("NOT_FOUND", refused.FirstErrorCode);
        Assert.Empty((await app.Client(other.TeacherToken).SendAsync(UnitLog, new { id = other.ClassId })).Ok()["lessonLog"]!["nodes"]!.AsArray());
    }
}
