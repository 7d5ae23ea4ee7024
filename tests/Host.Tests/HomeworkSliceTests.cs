using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

[Collection(AppHost.Name)]
public class HomeworkSliceTests(AppFactory app)
{
    private const string Assign = "mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { homework { id title subject instructions dueAt } userErrors { code message } } }";
    private const string MyHomework = "{ myHomework { nodes { id title subject instructions dueAt } } }";

    private object Work(SchoolScenario school, int dueInDays = 7, string title = "Fonctions affines") => new
    {
        i = new { classId = school.ClassId, subject = "Mathématiques", title, instructions = "Exercices 12 à 15 page 84.", dueAt = app.Clock.GetUtcNow().AddDays(dueInDays) },
    };

    [Fact]
    public async Task A_teacher_assigns_homework_and_the_student_of_that_class_sees_it()
    {
        var school = await SchoolScenario.CreateAsync(app);

        var assigned = (await app.Client(school.TeacherToken).SendAsync(Assign, Work(school))).Ok()["assignHomework"]!["homework"]!;
        var listed = (await app.Client(school.StudentToken).SendAsync(MyHomework)).Ok()["myHomework"]!["nodes"]!.AsArray();

        var homework = Assert.Single(listed)!;
        Assert.Equal(assigned["id"]!.GetValue<string>(), homework["id"]!.GetValue<string>());
        Assert.Equal("Fonctions affines", homework["title"]!.GetValue<string>());
        Assert.Equal("Exercices 12 à 15 page 84.", homework["instructions"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_student_of_another_school_does_not_see_the_homework()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var other = await SchoolScenario.CreateAsync(app);
        (await app.Client(school.TeacherToken).SendAsync(Assign, Work(school))).Ok();

        var listed = (await app.Client(other.StudentToken).SendAsync(MyHomework)).Ok()["myHomework"]!["nodes"]!.AsArray();

        Assert.Empty(listed);
    }

    [Fact]
    public async Task A_teacher_cannot_assign_homework_to_a_class_of_another_school()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var other = await SchoolScenario.CreateAsync(app);

        var response = await app.Client(other.TeacherToken).SendAsync(Assign, Work(school));

        Assert.Equal("NOT_FOUND", response.FirstErrorCode);
        Assert.Empty((await app.Client(school.StudentToken).SendAsync(MyHomework)).Ok()["myHomework"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task Homework_due_in_the_past_is_refused_with_a_validation_error_and_nothing_is_written()
    {
        var school = await SchoolScenario.CreateAsync(app);

        var response = await app.Client(school.TeacherToken).SendAsync(Assign, Work(school, dueInDays: -1));

        Assert.Equal("VALIDATION", response.FirstErrorCode);
        Assert.Contains("future", response.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Empty((await app.Client(school.StudentToken).SendAsync(MyHomework)).Ok()["myHomework"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task A_student_cannot_assign_homework_and_an_anonymous_caller_must_sign_in()
    {
        var school = await SchoolScenario.CreateAsync(app);

        Assert.Equal("FORBIDDEN", (await app.Client(school.StudentToken).SendAsync(Assign, Work(school))).FirstErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await app.Client().SendAsync(Assign, Work(school))).FirstErrorCode);
    }

    [Fact]
    public async Task Homework_past_its_due_date_leaves_the_default_list_but_stays_in_the_full_one()
    {
        var school = await SchoolScenario.CreateAsync(app);
        (await app.Client(school.TeacherToken).SendAsync(Assign, Work(school, dueInDays: 1))).Ok();
        app.Clock.Advance(TimeSpan.FromDays(2));

        var student = app.Client(school.StudentToken);
        Assert.Empty((await student.SendAsync(MyHomework)).Ok()["myHomework"]!["nodes"]!.AsArray());
        Assert.Single((await student.SendAsync("{ myHomework(includePast: true) { nodes { id } } }")).Ok()["myHomework"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task Two_classes_with_the_same_name_in_one_school_year_conflict()
    {
        var school = await SchoolScenario.CreateAsync(app);

        var response = await app.Client(school.AdminToken).SendAsync(
            "mutation($i: CreateClassInput!) { createClass(input: $i) { schoolClass { id } userErrors { code message } } }",
            new { i = new { establishmentId = school.EstablishmentId, name = " 2NDE 1 " } });

        Assert.Equal("CONFLICT", response.FirstErrorCode);
    }

    [Fact]
    public async Task An_administrator_cannot_create_a_class_in_another_establishment()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var otherAdmin = app.TokenFor(new Actor(Guid.CreateVersion7(), Role.EstablishmentAdministrator, Guid.CreateVersion7()));

        var response = await app.Client(otherAdmin).SendAsync(
            "mutation($i: CreateClassInput!) { createClass(input: $i) { schoolClass { id } userErrors { code message } } }",
            new { i = new { establishmentId = school.EstablishmentId, name = "Terminale 2" } });

        Assert.Equal("NOT_FOUND", response.FirstErrorCode);
    }
}
