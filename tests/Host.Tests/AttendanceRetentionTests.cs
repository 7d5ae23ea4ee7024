using System.Globalization;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Attendance;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;
using static MonBureau.Host.Tests.Infrastructure.AttendanceScenario;

namespace MonBureau.Host.Tests;

/// <summary>
/// Absences are school-life data: they leave the student's file once their school year is over plus the period the
/// establishment chose, and the family's explanation and documents are gone with them.
/// </summary>
[Collection(YearEndHost.Name)]
public class AttendanceRetentionTests(AppFactory app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task An_absence_and_its_justification_leave_the_file_a_month_after_the_school_year_when_the_establishment_keeps_them_a_month()
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.MoveToNext(DayOfWeek.Tuesday, 18), Paris).DateTime);
        var s = await CreateAsync(app);
        (await app.Client(s.School.TeacherToken).SendAsync(RollCallMutation, s.RollCall(day, 8, Absent(s.School.StudentId), Late(s.ClassmateId, 10)))).Ok();
        var absenceId = (await app.Client(s.CpeToken).SendAsync(Summary, new { s = s.School.StudentId })).Ok()["studentAttendance"]!["absences"]![0]!["id"]!.GetValue<string>();
        var document = new { name = "certificat.pdf", contentType = "application/pdf", contentBase64 = Convert.ToBase64String("%PDF-1.4\n% certificat\n"u8.ToArray()) };
        var fileId = Guid.Parse((await app.Client(s.GuardianToken).SendAsync(
            "mutation($i: JustifyAbsenceInput!) { justifyAbsence(input: $i) { absence { documents { fileId } } userErrors { code message } } }",
            new { i = new { absenceId, reasonCode = "MALADIE", explanation = "Léa avait de la fièvre.", documents = new[] { document } } })).Ok()["justifyAbsence"]!["absence"]!["documents"]![0]!["fileId"]!.GetValue<string>());
        (await app.Client(s.CpeToken).SendAsync(
            "mutation($i: AcceptAbsenceJustificationInput!) { acceptAbsenceJustification(input: $i) { absence { id } userErrors { code message } } }",
            new { i = new { absenceId, comment = "Certificat reçu, merci." } })).Ok();
        var officer = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, s.School.EstablishmentId)));
        (await officer.SendAsync("mutation { overrideRetention(category: SCHOOL_LIFE_DATA, days: 30) { retentionPolicies { days } userErrors { code message } } }")).Ok();
        var yearEnd = SchoolYear.Containing(day).LastDay;

        app.MoveTo(yearEnd.AddDays(15));
        await RetentionPurges.RunAsync(app);
        var kept = await AttendanceAsync(s.CpeToken, s.School.StudentId, day);
        app.MoveTo(yearEnd.AddDays(32));
        await RetentionPurges.RunAsync(app);
        var erased = await AttendanceAsync(s.CpeToken, s.School.StudentId, day);
        var classmate = await AttendanceAsync(s.CpeToken, s.ClassmateId, day);

        Assert.Single(kept["absences"]!.AsArray());
        Assert.Empty(erased["absences"]!.AsArray());
        Assert.Equal(0, erased["justifiedHalfDays"]!.GetValue<int>());
        Assert.Empty(classmate["latenesses"]!.AsArray());
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = (await session.Events.FetchStreamAsync(AttendanceIds.StudentRecord(s.School.StudentId, s.School.EstablishmentId))).Select(e => e.Data).ToList();
        Assert.Null(events.OfType<AbsenceJustificationSubmitted>().Single().Explanation.Value);
        Assert.Null(events.OfType<AbsenceJustificationAccepted>().Single().Comment!.Value);
        Assert.Single(events.OfType<AbsenceRecorded>()); // the half-day stays, under ids, for the indicators
        Assert.Equal(0L, await StoredFiles.CountAsync(app, fileId));
    }


    private async Task<System.Text.Json.Nodes.JsonNode> AttendanceAsync(string token, Guid studentId, DateOnly day) =>
        (await app.Client(token).SendAsync(
            "query($s: ID!, $f: DateOnly, $t: DateOnly) { studentAttendance(studentId: $s, from: $f, to: $t) { justifiedHalfDays absences { id } latenesses { minutes } } }",
            new { s = studentId, f = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), t = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })).Ok()["studentAttendance"]!;
}
