using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Auditing;
using MonBureau.Host.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace MonBureau.Host.Tests;

/// <summary>
/// A term of grades: the teacher sets a test and a quiz, marks an absence and corrects a mark, writes appreciations;
/// direction sets the guardians' delay and schedules the report cards; the student sees marks at once and the report
/// card at its publication time, the guardian later. Its own host, whose jobs look at the clock every second, so the
/// recorded publication can be seen.
/// </summary>
[Collection(MessagingHost.Name)]
public class GradesTermTests(MessagingAppFactory app)
{
    internal const string Create = "mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { assessment { id term outOf coefficient } userErrors { code message } } }";
    internal const string Enter = "mutation($i: EnterMarksInput!) { enterMarks(input: $i) { assessment { marks { studentId status value corrected } } userErrors { code message } } }";
    internal const string StudentGrades =
        "query($s: ID!, $t: Int!) { studentGrades(studentId: $s, term: $t) { generalAverage generalAppreciation reportCardPublished subjects { subject average appreciation classFigures { average lowest highest students } marks { title status value corrected } } } }";
    internal const string ReportCard = "query($s: ID!, $t: Int!) { reportCard(studentId: $s, term: $t) { available downloadPath term { reportCardPublication { studentsAt guardiansAt publishedToStudentsAt publishedToGuardiansAt } } } }";

    internal static DateOnly Today(AppFactory app) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);

    internal static async Task<(string Id, int Term)> AssessAsync(AppFactory app, SchoolScenario school, string title, decimal coefficient, decimal? outOf = null, DateOnly? date = null)
    {
        var created = (await app.Client(school.TeacherToken).SendAsync(Create, new
        {
            i = new { teachingUnitId = school.ClassId, subject = "mathématiques", title, date = (date ?? Today(app)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), coefficient, outOf },
        })).Ok()["createAssessment"]!["assessment"]!;
        return (created["id"]!.GetValue<string>(), created["term"]!.GetValue<int>());
    }

    internal static async Task<HttpResponseMessage> DownloadAsync(AppFactory app, string token, Guid studentId, int term)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/report-cards/{studentId}/2026/{term}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await app.CreateClient().SendAsync(request);
    }

    internal static string TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    private static JsonNode Maths(JsonNode grades) => grades["subjects"]!.AsArray().Single(s => s!["subject"]!.GetValue<string>() == "Mathématiques")!;

    [Fact]
    public async Task A_term_of_marks_ends_with_a_report_card_the_student_downloads_at_its_publication_and_the_guardian_after_the_delay()
    {
        var day = await TeachingDay.CreateAsync(app);
        var school = day.School;
        var teacher = app.Client(school.TeacherToken);
        var direction = app.Client(day.DirectionToken);
        (await direction.SendAsync("mutation($i: SetGuardianGradeDelayInput!) { setGuardianGradeDelay(input: $i) { gradeCalendar { guardianDelayHours } userErrors { code message } } }",
            new { i = new { establishmentId = school.EstablishmentId, hours = 48 } })).Ok();

        var (test, term) = await AssessAsync(app, school, "DS 1 : fonctions", 2);
        var (quiz, _) = await AssessAsync(app, school, "Interrogation", 1, 10);
        (await teacher.SendAsync(Enter, new { i = new { assessmentId = test, marks = new object[]
        {
            new { studentId = school.StudentId, status = "MARKED", value = 15, comment = "Rigoureux." },
            new { studentId = day.ClassmateId, status = "ABSENT" },
        } } })).Ok();
        (await teacher.SendAsync(Enter, new { i = new { assessmentId = quiz, marks = new object[]
        {
            new { studentId = school.StudentId, status = "MARKED", value = 6 },
            new { studentId = day.ClassmateId, status = "MARKED", value = 9 },
        } } })).Ok();
        // A correction: 7/10 instead of 6/10, the first entry stays in the history.
        var corrected = (await teacher.SendAsync(Enter, new { i = new { assessmentId = quiz, marks = new[] { new { studentId = school.StudentId, status = "MARKED", value = 7 } } } }))
            .Ok()["enterMarks"]!["assessment"]!["marks"]!.AsArray().Single(m => m!["studentId"]!.GetValue<string>() == school.StudentId.ToString())!;
        Assert.True(corrected["corrected"]!.GetValue<bool>());
        (await teacher.SendAsync("mutation($i: WriteSubjectAppreciationInput!) { writeSubjectAppreciation(input: $i) { reportCardAppreciations { subjects { subject text } } userErrors { code message } } }",
            new { i = new { studentId = school.StudentId, subject = "Mathématiques", term, text = "Trimestre sérieux, des progrès en calcul." } })).Ok();
        (await direction.SendAsync("mutation($i: WriteGeneralAppreciationInput!) { writeGeneralAppreciation(input: $i) { reportCardAppreciations { general } userErrors { code message } } }",
            new { i = new { studentId = school.StudentId, term, text = "Bon trimestre, félicitations." } })).Ok();

        // (15×2 + 14×1) / 3 = 14.666… → 14.67; Hugo: absent from the test, 18/20 on the quiz.
        var mine = (await app.Client(school.StudentToken).SendAsync(StudentGrades, new { s = school.StudentId, t = term })).Ok()["studentGrades"]!;
        Assert.Equal(14.67m, Maths(mine)["average"]!.GetValue<decimal>());
        Assert.Equal(16.34m, Maths(mine)["classFigures"]!["average"]!.GetValue<decimal>()); // (14.67 + 18) / 2 = 16.335
        Assert.Equal(18m, Maths(mine)["classFigures"]!["highest"]!.GetValue<decimal>());
        Assert.Null(Maths(mine)["appreciation"]); // appreciations come with the report card
        Assert.False(mine["reportCardPublished"]!.GetValue<bool>());

        var guardian = app.Client(day.GuardianToken);
        var tooEarly = (await guardian.SendAsync(StudentGrades, new { s = school.StudentId, t = term })).Ok()["studentGrades"]!;
        Assert.Empty(tooEarly["subjects"]!.AsArray());
        app.Clock.Advance(TimeSpan.FromHours(49));
        var later = (await guardian.SendAsync(StudentGrades, new { s = school.StudentId, t = term })).Ok()["studentGrades"]!;
        Assert.Equal(14.67m, Maths(later)["average"]!.GetValue<decimal>());
        Assert.Equal(14.67m, later["generalAverage"]!.GetValue<decimal>());

        var studentsAt = app.Clock.GetUtcNow().AddDays(2);
        (await direction.SendAsync("mutation($i: ScheduleReportCardPublicationInput!) { scheduleReportCardPublication(input: $i) { gradeCalendar { schoolYear } userErrors { code message } } }",
            new { i = new { establishmentId = school.EstablishmentId, schoolYear = 2026, term, studentsAt } })).Ok();
        var status = (await app.Client(school.StudentToken).SendAsync(ReportCard, new { s = school.StudentId, t = term })).Ok()["reportCard"]!;
        Assert.False(status["available"]!.GetValue<bool>());
        Assert.Equal(studentsAt.AddHours(48), status["term"]!["reportCardPublication"]!["guardiansAt"]!.GetValue<DateTimeOffset>());
        using (var before = await DownloadAsync(app, school.StudentToken, school.StudentId, term))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
            Assert.Contains("not published yet", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        app.Clock.Advance(TimeSpan.FromDays(2).Add(TimeSpan.FromMinutes(1)));
        using (var published = await DownloadAsync(app, school.StudentToken, school.StudentId, term))
        {
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
            Assert.Equal("application/pdf", published.Content.Headers.ContentType?.MediaType);
            var text = TextOf(await published.Content.ReadAsByteArrayAsync());
            Assert.Contains("Léa SCHNEIDER", text, StringComparison.Ordinal);
            Assert.Contains("Mathématiques 1,00 14,67 16,34 14,67 18,00", text, StringComparison.Ordinal);
            Assert.Contains("Moyenne générale : 14,67 / 20", text, StringComparison.Ordinal);
            Assert.Contains("des progrès en calcul", text, StringComparison.Ordinal);
            Assert.Contains("félicitations", text, StringComparison.Ordinal);
        }

        using (var guardianTooEarly = await DownloadAsync(app, day.GuardianToken, school.StudentId, term))
            Assert.Equal(HttpStatusCode.NotFound, guardianTooEarly.StatusCode);
        app.Clock.Advance(TimeSpan.FromHours(48));
        using (var forGuardian = await DownloadAsync(app, day.GuardianToken, school.StudentId, term))
            Assert.Contains("14,67", TextOf(await forGuardian.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

        var history = await app.Services.GetRequiredService<AccessHistory>().QueryAsync(
            new AccessQuery(school.StudentId, null, null, DataCategory.Grades, null, null, null, 50), CancellationToken.None);
        Assert.Contains(history.Entries, e => e.Record.Role == Domain.Common.Role.Guardian && e.Record.Operation == "GET /report-cards");
        Assert.Contains(history.Entries, e => e.Record.Role == Domain.Common.Role.Guardian && e.Record.Operation == "Query.studentGrades");
        Assert.DoesNotContain(history.Entries, e => e.Record.ActorId == school.StudentId);

        var recorded = await PublicationAsync(app.Client(day.DirectionToken), term);
        Assert.Equal(studentsAt, recorded!["publishedToStudentsAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(studentsAt.AddHours(48), recorded["publishedToGuardiansAt"]!.GetValue<DateTimeOffset>());
    }

    /// <summary>The publication as recorded by the job, which runs on its own schedule: waited for a little while.</summary>
    private static async Task<JsonNode?> PublicationAsync(GraphQLClient direction, int term)
    {
        for (var attempt = 0; ; attempt++)
        {
            var calendar = (await direction.SendAsync("{ gradeCalendar(schoolYear: 2026) { terms { number reportCardPublication { publishedToStudentsAt publishedToGuardiansAt } } } }"))
                .Ok()["gradeCalendar"]!["terms"]!.AsArray().Single(t => t!["number"]!.GetValue<int>() == term)!["reportCardPublication"];
            if (calendar?["publishedToGuardiansAt"] is not null || attempt == 30)
                return calendar;
            await Task.Delay(500);
        }
    }
}
