using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>What a front-end sees when a change is refused: a user error in the payload, or a top-level error for who may call.</summary>
[Collection(AppHost.Name)]
public class MutationPayloadTests(AppFactory app)
{
    private const string Assign = "mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { homework { id } userErrors { code message field } } }";

    [Fact]
    public async Task Invalid_input_comes_back_as_a_user_error_pointing_at_the_field_and_nothing_is_written()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var teacher = app.Client(school.TeacherToken);

        var response = await teacher.SendAsync(Assign, new
        {
            i = new { classId = school.ClassId, subject = SchoolScenario.Subject, title = "  ", instructions = "Exercices.", dueAt = app.Clock.GetUtcNow().AddDays(7) },
        });

        Assert.Null(response.Errors); // not a top-level error
        Assert.Null(response.Data!["assignHomework"]!["homework"]);
        var error = Assert.Single(response.Data!["assignHomework"]!["userErrors"]!.AsArray())!;
        Assert.Equal("VALIDATION", error["code"]!.GetValue<string>());
        Assert.Equal(["input", "title"], error["field"]!.AsArray().Select(f => f!.GetValue<string>()));
        var listed = (await teacher.SendAsync("query($c: ID!) { classHomework(classId: $c) { nodes { id } } }", new { c = school.ClassId })).Ok();
        Assert.Empty(listed["classHomework"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task A_record_that_cannot_be_found_is_a_user_error()
    {
        var school = await SchoolScenario.CreateAsync(app);

        var response = await app.Client(school.TeacherToken).SendAsync(Assign, new
        {
            i = new { classId = Guid.CreateVersion7(), subject = SchoolScenario.Subject, title = "Devoir", instructions = "Exercices.", dueAt = app.Clock.GetUtcNow().AddDays(7) },
        });

        Assert.Null(response.Errors); // not a top-level error
        Assert.Equal("NOT_FOUND", response.FirstErrorCode);
    }

    [Fact]
    public async Task A_profile_that_may_not_call_the_mutation_gets_a_top_level_error_and_no_payload()
    {
        var school = await SchoolScenario.CreateAsync(app);

        var response = await app.Client(school.StudentToken).SendAsync(Assign, new
        {
            i = new { classId = school.ClassId, subject = SchoolScenario.Subject, title = "Devoir", instructions = "Exercices.", dueAt = app.Clock.GetUtcNow().AddDays(7) },
        });

        Assert.NotNull(response.Errors);
        Assert.Equal("FORBIDDEN", response.FirstErrorCode);
        Assert.Null(response.Data?["assignHomework"]!["homework"]);
    }
}
