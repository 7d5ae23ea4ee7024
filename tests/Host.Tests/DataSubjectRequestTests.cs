using System.Text.Json.Nodes;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

[Collection(AppHost.Name)]
public class DataSubjectRequestTests(AppFactory app)
{
    private const string Export = "query($s: ID!) { exportPersonalData(subjectId: $s) { json summary } }";

    [Fact]
    public async Task A_student_exports_everything_held_about_them_including_who_consulted_it()
    {
        var school = await SchoolScenario.CreateAsync(app);
        (await app.Client(school.TeacherToken).SendAsync($"{{ person(id: \"{school.StudentId}\") {{ id }} }}")).Ok();

        var export = (await app.Client(school.StudentToken).SendAsync(Export, new { s = school.StudentId })).Ok()["exportPersonalData"]!;
        var bundle = JsonNode.Parse(export["json"]!.GetValue<string>())!;

        Assert.Equal("Léa", bundle["person"]!["givenName"]!.GetValue<string>());
        Assert.Contains(bundle["history"]!.AsArray(), e => e!["what"]!.GetValue<string>() == "student_enrolled");
        Assert.Equal(school.TeacherId.ToString(), Assert.Single(bundle["accessedBy"]!.AsArray())!["ActorId"]!.GetValue<string>());
        Assert.Contains("consulted 1 times", export["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_privacy_officer_may_export_a_person_of_the_establishment_and_a_teacher_may_not()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var officer = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, school.EstablishmentId)));

        (await officer.SendAsync(Export, new { s = school.StudentId })).Ok();
        Assert.Equal("FORBIDDEN", (await app.Client(school.TeacherToken).SendAsync(Export, new { s = school.StudentId })).FirstErrorCode);
    }
}
