using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace MonBureau.Host.Tests;

[Collection(AppHost.Name)]
public class FamilyPaperTests(AppFactory app)
{
    private const string Print = "mutation($g: ID!) { printFamilyPendingItems(guardianId: $g) { familyPaper { issueId pdf } userErrors { code message } } }";

    private static string TextOf(string base64)
    {
        using var document = PdfDocument.Open(Convert.FromBase64String(base64));
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    [Fact]
    public async Task The_school_life_office_prints_a_familys_homework_and_absences_to_justify_and_the_reading_is_in_the_access_history()
    {
        var family = await FamilyScenario.CreateAsync(app);
        var school = family.School;
        (await app.Client(school.TeacherToken).SendAsync("mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { homework { id } userErrors { code message } } }", new
        {
            i = new { classId = school.ClassId, subject = "Mathématiques", title = "Fonctions affines", instructions = "Exercices 12 à 15 page 84.", dueAt = app.Clock.GetUtcNow().AddDays(3) },
        })).Ok();
        // The last school day before today, whatever day the shared clock has reached.
        var day = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(-1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            day = day.AddDays(-1);
        (await app.Client(family.CpeToken).SendAsync("mutation($i: RecordAbsenceInput!) { recordAbsence(input: $i) { absence { id } userErrors { code message } } }",
            new { i = new { studentId = school.StudentId, from = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) } })).Ok();

        var paper = (await app.Client(family.CpeToken).SendAsync(Print, new { g = family.GuardianId })).Ok()["printFamilyPendingItems"]!["familyPaper"]!;
        var text = TextOf(paper["pdf"]!.GetValue<string>());

        Assert.Contains("Sophie Schneider", text, StringComparison.Ordinal);
        Assert.Contains("Léa Schneider", text, StringComparison.Ordinal);
        Assert.Contains("Fonctions affines", text, StringComparison.Ordinal);
        Assert.Contains("Exercices 12 à 15 page 84.", text, StringComparison.Ordinal);
        Assert.Contains("Absences à justifier (1)", text, StringComparison.Ordinal);
        var officer = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, school.EstablishmentId)));
        var history = (await officer.SendAsync("query($s: ID!) { accessHistory(subjectId: $s) { nodes { actorId category } } }", new { s = school.StudentId })).Ok()["accessHistory"]!["nodes"]!.AsArray();
        Assert.Contains(history, r => r!["actorId"]!.GetValue<string>() == family.CpeId.ToString() && r["category"]!.GetValue<string>() == "ABSENCES");
    }

    [Fact]
    public async Task Only_the_school_life_office_prints_and_a_guardian_elsewhere_is_not_found()
    {
        var family = await FamilyScenario.CreateAsync(app);
        var other = await FamilyScenario.CreateAsync(app);

        Assert.Equal("FORBIDDEN", (await app.Client(family.School.TeacherToken).SendAsync(Print, new { g = family.GuardianId })).FirstErrorCode);
        Assert.Equal("FORBIDDEN", (await app.Client(family.GuardianToken).SendAsync(Print, new { g = family.GuardianId })).FirstErrorCode);
        Assert.NotNull((await app.Client(other.CpeToken).SendAsync(Print, new { g = family.GuardianId })).FirstErrorCode);
    }
}
