using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

[Collection(AppHost.Name)]
public class AuditReportTests(AppFactory app)
{
    private const string Anomalies = "query($f: DateTimeOffset!, $t: DateTimeOffset!) { accessAnomalies(from: $f, to: $t) { nodes { actorId kind count usualCount } } }";

    private GraphQLClient PrivacyOfficer(SchoolScenario school) =>
        app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, school.EstablishmentId)));

    private object Today() => new { f = app.Clock.GetUtcNow().AddHours(-1), t = app.Clock.GetUtcNow().AddHours(1) };

    [Fact]
    public async Task The_access_history_exports_as_CSV_naming_who_consulted()
    {
        var school = await SchoolScenario.CreateAsync(app);
        (await app.Client(school.TeacherToken).SendAsync($"{{ person(id: \"{school.StudentId}\") {{ id }} }}")).Ok();

        var csv = (await PrivacyOfficer(school).SendAsync("query($s: ID!) { accessHistoryCsv(subjectId: $s) }", new { s = school.StudentId })).Ok()["accessHistoryCsv"]!.GetValue<string>();

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("date;actor_id;actor_name;actor_role;category;operation;correlation_id", lines[0]);
        Assert.Contains("\"Claire Muller\";Teacher;Identity;Query.person", Assert.Single(lines[1..]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_refused_again_and_again_shows_in_the_anomaly_report()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var other = await SchoolScenario.CreateAsync(app);
        var student = app.Client(school.StudentToken);
        for (var i = 0; i < AccessAnomalies.MinimumDenials; i++)
            Assert.Equal("FORBIDDEN", (await student.SendAsync($"{{ person(id: \"{other.StudentId}\") {{ id }} }}")).FirstErrorCode);

        var anomalies = (await PrivacyOfficer(school).SendAsync(Anomalies, Today())).Ok()["accessAnomalies"]!["nodes"]!.AsArray();

        var anomaly = Assert.Single(anomalies, a => a!["actorId"]!.GetValue<string>() == school.StudentId.ToString())!;
        Assert.Equal("REPEATED_DENIALS", anomaly["kind"]!.GetValue<string>());
        Assert.Equal(AccessAnomalies.MinimumDenials, anomaly["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_teacher_suddenly_consulting_many_students_shows_in_the_anomaly_report()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var admin = app.Client(school.AdminToken);
        var teacher = app.Client(school.TeacherToken);
        for (var i = 0; i < AccessAnomalies.MinimumUnusualSubjects; i++)
        {
            var studentId = SchoolScenario.IdOf((await admin.SendAsync(
                "mutation($i: EnrollStudentInput!) { enrollStudent(input: $i) { person { id } userErrors { code message } } }",
                new { i = new { classId = school.ClassId, givenName = "Élève", familyName = $"Numéro {i}" } })).Ok()["enrollStudent"]!["person"]);
            (await teacher.SendAsync($"{{ person(id: \"{studentId}\") {{ id }} }}")).Ok();
        }

        var anomalies = (await PrivacyOfficer(school).SendAsync(Anomalies, Today())).Ok()["accessAnomalies"]!["nodes"]!.AsArray();

        var anomaly = Assert.Single(anomalies, a => a!["actorId"]!.GetValue<string>() == school.TeacherId.ToString())!;
        Assert.Equal("UNUSUAL_VOLUME", anomaly["kind"]!.GetValue<string>());
        Assert.Equal(AccessAnomalies.MinimumUnusualSubjects, anomaly["count"]!.GetValue<int>());
    }
}
