using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>Every list of the API is a Relay connection: pages of at most 100, opaque cursors, nothing lost or repeated.</summary>
[Collection(AppHost.Name)]
public class PaginationTests(AppFactory app)
{
    private const string Assign = "mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { homework { id } userErrors { code message } } }";

    [Fact]
    public async Task A_student_pages_through_45_homework_twenty_at_a_time_and_sees_each_once_soonest_due_first()
    {
        var (school, assigned) = await SchoolWith45HomeworkAsync();

        var pages = await PagesAsync(app.Client(school.StudentToken), "myHomework", "");

        Assert.Equal([20, 20, 5], pages.Select(p => p.Count));
        var seen = pages.SelectMany(p => p).ToList();
        Assert.Equal(assigned.Select(a => a.Id).Order(), seen.Select(h => h.Id).Order());
        Assert.Equal(seen.Select(h => h.DueAt).Order(), seen.Select(h => h.DueAt));
    }

    [Fact]
    public async Task The_teacher_pages_through_the_class_homework_latest_due_first_without_repeats()
    {
        var (school, assigned) = await SchoolWith45HomeworkAsync();

        var pages = await PagesAsync(app.Client(school.TeacherToken), "classHomework", $"classId: \"{school.ClassId}\"");

        var seen = pages.SelectMany(p => p).ToList();
        Assert.Equal(assigned.Select(a => a.Id).Order(), seen.Select(h => h.Id).Order());
        Assert.Equal(seen.Select(h => h.DueAt).OrderDescending(), seen.Select(h => h.DueAt));
    }

    [Fact]
    public async Task Classes_of_two_school_years_page_by_year_then_name_exactly_as_one_long_page_lists_them()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var admin = app.Client(school.AdminToken);
        for (var i = 0; i < 24; i++)
        {
            (await admin.SendAsync("mutation($i: CreateClassInput!) { createClass(input: $i) { schoolClass { id } userErrors { code message } } }",
                new { i = new { establishmentId = school.EstablishmentId, name = $"Terminale {(char)('A' + i % 12)}{i}", schoolYearStart = 2025 + i % 2 } })).Ok();
        }

        var paged = (await PagesAsync(admin, "classes", "", "id")).SelectMany(p => p).Select(c => c.Id).ToList();
        var whole = (await admin.SendAsync("{ classes(first: 100) { nodes { id } } }")).Ok()["classes"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>());

        Assert.Equal(25, paged.Count);
        Assert.Equal(whole, paged);
    }

    [Fact]
    public async Task A_list_paged_in_memory_also_returns_each_item_once_in_order()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var teacher = app.Client(school.TeacherToken);
        for (var i = 0; i < 23; i++)
        {
            (await teacher.SendAsync("mutation($i: CreateGradingScaleInput!) { createGradingScale(input: $i) { gradingScale { id } userErrors { code message } } }",
                new { i = new { forEstablishment = false, kind = "NUMERIC", maximum = 20, name = $"Barème {i:D2}" } })).Ok();
        }

        var paged = (await PagesAsync(teacher, "gradingScales", "", "id")).SelectMany(p => p).Select(s => s.Id).ToList();
        var whole = (await teacher.SendAsync("{ gradingScales(first: 100) { nodes { id } } }")).Ok()["gradingScales"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>());

        Assert.Equal(23, paged.Count);
        Assert.Equal(whole, paged);
    }

    [Fact]
    public async Task The_largest_pages_with_every_field_of_their_items_stay_within_the_endpoints_complexity_limits()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var officer = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, school.EstablishmentId)));

        (await officer.SendAsync("""
            query($s: ID!) { accessHistory(subjectId: $s, first: 500) {
              nodes { accessedAt actorId actorRole subjectId category operation correlationId }
              pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }
            """, new { s = school.StudentId })).Ok();
        (await app.Client(school.StudentToken).SendAsync("""
            { myHomework(first: 100, includePast: true) {
              edges { cursor node { id classId teacherId subject title instructions dueAt assignedAt studentIds expectedFormat allowedContentTypes } }
              pageInfo { hasNextPage endCursor } } }
            """)).Ok();
    }

    [Theory]
    [InlineData("first: 101", "between 1 and 100")]
    [InlineData("first: 0", "between 1 and 100")]
    [InlineData("after: \"not a cursor\"", "not a cursor")]
    [InlineData("after: \"WyJrIiwxXQ\"", "not a cursor")]
    [InlineData("after: \"WyJwIiwtNV0\"", "not a cursor")]
    public async Task A_page_size_out_of_range_or_a_forged_cursor_is_a_validation_error(string arguments, string message)
    {
        var school = await SchoolScenario.CreateAsync(app);

        foreach (var (token, call) in new[] { (school.StudentToken, $"myHomework({arguments})"), (school.TeacherToken, $"classHomework(classId: \"{school.ClassId}\", {arguments})") })
        {
            var response = await app.Client(token).SendAsync($"{{ {call} {{ nodes {{ id }} }} }}");

            Assert.Equal("VALIDATION", response.FirstErrorCode);
            Assert.Contains(message, response.FirstErrorMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Edges_carry_the_cursors_and_page_info_tells_where_the_page_stands()
    {
        var (school, _) = await SchoolWith45HomeworkAsync();
        var student = app.Client(school.StudentToken);

        var first = (await student.SendAsync("{ myHomework(first: 3) { edges { cursor node { id } } nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }")).Ok()["myHomework"]!;
        var edges = first["edges"]!.AsArray();
        Assert.Equal(edges.Select(e => e!["node"]!["id"]!.GetValue<string>()), first["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
        Assert.Equal(edges[0]!["cursor"]!.GetValue<string>(), first["pageInfo"]!["startCursor"]!.GetValue<string>());
        Assert.Equal(edges[^1]!["cursor"]!.GetValue<string>(), first["pageInfo"]!["endCursor"]!.GetValue<string>());
        Assert.True(first["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.False(first["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());

        var second = (await student.SendAsync("query($a: String) { myHomework(first: 3, after: $a) { nodes { id } pageInfo { hasPreviousPage } } }",
            new { a = edges[0]!["cursor"]!.GetValue<string>() })).Ok()["myHomework"]!;
        Assert.True(second["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
        Assert.Equal(edges.Skip(1).Select(e => e!["node"]!["id"]!.GetValue<string>()), second["nodes"]!.AsArray().Take(2).Select(n => n!["id"]!.GetValue<string>()));
    }

    /// <summary>45 homework for the class, due on 30 distinct moments so that sort keys tie and ids must break the ties.</summary>
    private async Task<(SchoolScenario School, List<(string Id, DateTimeOffset DueAt)> Assigned)> SchoolWith45HomeworkAsync()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var teacher = app.Client(school.TeacherToken);
        var start = app.Clock.GetUtcNow().AddDays(30);
        var assigned = new List<(string, DateTimeOffset)>();
        for (var i = 0; i < 45; i++)
        {
            var dueAt = start.AddHours(i % 30).AddTicks(1234567);
            var id = (await teacher.SendAsync(Assign, new { i = new { classId = school.ClassId, subject = "Mathématiques", title = $"Exercice {i}", instructions = "Page 84.", dueAt } }))
                .Ok()["assignHomework"]!["homework"]!["id"]!.GetValue<string>();
            assigned.Add((id, dueAt));
        }

        return (school, assigned);
    }

    private static async Task<List<List<(string Id, DateTimeOffset DueAt)>>> PagesAsync(GraphQLClient client, string field, string arguments, string selection = "id dueAt")
    {
        var pages = new List<List<(string, DateTimeOffset)>>();
        string? after = null;
        do
        {
            var response = await client.SendAsync(
                $"query($after: String) {{ {field}({arguments} first: 20, after: $after) {{ nodes {{ {selection} }} pageInfo {{ hasNextPage endCursor }} }} }}", new { after });
            var page = response.Ok()[field]!;
            pages.Add([.. page["nodes"]!.AsArray().Select(n => (n!["id"]!.GetValue<string>(), n["dueAt"]?.GetValue<DateTimeOffset>() ?? default))]);
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
            Assert.True(pages.Count < 10, "Paging does not end.");
        }
        while (after is not null);

        return pages;
    }
}
