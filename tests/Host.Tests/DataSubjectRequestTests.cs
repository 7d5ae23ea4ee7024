using System.Globalization;
using System.Text.Json.Nodes;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

[Collection(AppHost.Name)]
public class DataSubjectRequestTests(AppFactory app)
{
    private const string Export = "query($s: ID!) { exportPersonalData(subjectId: $s) { json summary } }";
    private const string RecordAbsence = "mutation($i: RecordAbsenceInput!) { recordAbsence(input: $i) { absence { id } userErrors { code message } } }";

    /// <summary>A school day for the family's student: an absence, a mark, a message from the teacher to each of them and a confidential one from the CPE to the guardian.</summary>
    private async Task<FamilyScenario> SchoolDayAsync()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        var family = await FamilyScenario.CreateAsync(app);
        var school = family.School;
        var teacher = app.Client(school.TeacherToken);
        var today = GradesTermTests.Today(app).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (await app.Client(family.CpeToken).SendAsync(RecordAbsence, new { i = new { studentId = school.StudentId, from = today, fromPart = "MORNING", to = today, toPart = "MORNING" } })).Ok();
        var (assessmentId, _) = await GradesTermTests.AssessAsync(app, school, "DS 1 : fonctions", 1);
        (await teacher.SendAsync(GradesTermTests.Enter, new { i = new { assessmentId, marks = new[] { new { studentId = school.StudentId, status = "MARKED", value = 14, comment = "Bon travail." } } } })).Ok();
        (await teacher.SendAsync(MessagingTests.Send, MessagingTests.To(family.GuardianId, "Réunion parents-professeurs", "Rendez-vous jeudi à 18 h."))).Ok();
        (await teacher.SendAsync(MessagingTests.Send, MessagingTests.To(school.StudentId, "Exposé", "Ton exposé est pour lundi."))).Ok();
        (await app.Client(school.StudentToken).SendAsync(MessagingTests.Send, MessagingTests.To(family.GuardianId, "Sortie", "Peux-tu signer l'autorisation ?"))).Ok();
        (await app.Client(family.CpeToken).SendAsync(MessagingTests.Send, new
        {
            i = new
            {
                subject = "Suivi infirmerie", body = "Votre enfant a été vu à l'infirmerie.", confidential = true, concernsStudentId = school.StudentId,
                recipients = new[] { new { kind = "PERSON", id = family.GuardianId } },
            },
        })).Ok();
        return family;
    }

    private async Task<(JsonNode Bundle, string Summary)> ExportAsync(string token, Guid subjectId)
    {
        var export = (await app.Client(token).SendAsync(Export, new { s = subjectId })).Ok()["exportPersonalData"]!;
        return (JsonNode.Parse(export["json"]!.GetValue<string>())!, export["summary"]!.GetValue<string>());
    }

    private static List<string> Subjects(JsonNode bundle) => [.. bundle["messageThreads"]!.AsArray().Select(t => t!["subject"]!.GetValue<string>())];

    private static List<string> Bodies(JsonNode bundle) =>
        [.. bundle["messageThreads"]!.AsArray().SelectMany(t => t!["messages"]!.AsArray()).Select(m => m!["body"]!.GetValue<string>())];

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
    public async Task A_students_export_holds_their_absence_their_mark_and_their_messages_but_not_a_confidential_thread_about_them()
    {
        var family = await SchoolDayAsync();

        var (bundle, summary) = await ExportAsync(family.School.StudentToken, family.School.StudentId);

        var schooling = bundle["schooling"]!;
        Assert.Equal("Morning", Assert.Single(Assert.Single(schooling["absences"]!.AsArray())!["HalfDays"]!.AsArray())!["Part"]!.GetValue<string>());
        var mark = Assert.Single(schooling["marks"]!.AsArray())!;
        Assert.Equal(14m, mark["Value"]!.GetValue<decimal>());
        Assert.Equal("Bon travail.", mark["comment"]!.GetValue<string>());
        Assert.Equal("Exposé | Sortie", string.Join(" | ", Subjects(bundle).Order(StringComparer.Ordinal)));
        Assert.Contains("Ton exposé est pour lundi.", Bodies(bundle));
        Assert.Contains("Peux-tu signer l'autorisation ?", Bodies(bundle));
        Assert.DoesNotContain("Suivi infirmerie", bundle.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("schooling: 1 absences, 0 latenesses, 1 marks", summary, StringComparison.Ordinal);
        Assert.Contains("2 message threads holding 2 messages", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_guardians_export_holds_their_messages_and_their_childs_absence_mark_and_who_consulted_the_child()
    {
        var family = await SchoolDayAsync();
        (await app.Client(family.School.TeacherToken).SendAsync($"{{ person(id: \"{family.School.StudentId}\") {{ id }} }}")).Ok();

        var (bundle, summary) = await ExportAsync(family.GuardianToken, family.GuardianId);

        Assert.Equal("Réunion parents-professeurs | Sortie | Suivi infirmerie", string.Join(" | ", Subjects(bundle).Order(StringComparer.Ordinal)));
        Assert.Contains("Rendez-vous jeudi à 18 h.", Bodies(bundle));
        Assert.DoesNotContain("Ton exposé est pour lundi.", bundle.ToJsonString(), StringComparison.Ordinal);
        var child = Assert.Single(bundle["children"]!.AsArray())!;
        Assert.Equal("Léa", child["person"]!["givenName"]!.GetValue<string>());
        Assert.Single(child["schooling"]!["absences"]!.AsArray());
        Assert.Equal(14m, Assert.Single(child["schooling"]!["marks"]!.AsArray())!["Value"]!.GetValue<decimal>());
        Assert.Contains(child["accessedBy"]!.AsArray(), a => a!["ActorId"]!.GetValue<string>() == family.School.TeacherId.ToString());
        Assert.Contains("Léa Schneider: 1 absences, 0 latenesses, 1 marks", summary, StringComparison.Ordinal);

        // Exporting consulted the child's file, recorded before the bundle was gathered: it lists itself.
        var consulted = child["accessedBy"]!.AsArray()
            .Where(a => a!["ActorId"]!.GetValue<string>() == family.GuardianId.ToString() && a["Operation"]!.GetValue<string>() == "Query.exportPersonalData")
            .Select(a => a!["category"]!.GetValue<string>());
        Assert.Equal(["Absences", "Grades", "Homework", "Identity", "Portfolio", "Sanctions"], consulted.Order(StringComparer.Ordinal));
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
