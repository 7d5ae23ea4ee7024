using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;
using static MonBureau.Host.Tests.Infrastructure.AttendanceScenario;

namespace MonBureau.Host.Tests;

/// <summary>The office's reports and CSV export, the absence reasons list, and the access history of attendance reads.</summary>
[Collection(AppHost.Name)]
public class AttendanceReportTests(AppFactory app)
{
    private const string Reasons = "{ absenceReasons { code label countsAsJustified } }";

    [Fact]
    public async Task The_class_report_exports_as_semicolon_separated_csv_with_each_student_s_half_days()
    {
        var s = await CreateAsync(app);
        (await app.Client(s.School.TeacherToken).SendAsync(RollCallMutation, s.RollCall(Monday, 8, Absent(s.School.StudentId), Late(s.ClassmateId, 7)))).Ok();
        (await app.Client(s.CpeToken).SendAsync(
            "mutation($i: RecordAbsenceInput!) { recordAbsence(input: $i) { absence { id } userErrors { code message } } }",
            new { i = new { studentId = s.School.StudentId, from = "2026-10-13", reasonCode = "MALADIE" } })).Ok();

        var csv = (await app.Client(s.CpeToken).SendAsync(
            "query($c: ID, $f: DateOnly, $t: DateOnly) { absenceReportCsv(classId: $c, from: $f, to: $t) }",
            new { c = s.School.ClassId, f = "2026-10-01", t = "2026-10-31" })).Ok()["absenceReportCsv"]!.GetValue<string>();

        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal("ELEVE_ID;NOM;PRENOM;DIVISION;DEMI_JOURNEES_JUSTIFIEES;DEMI_JOURNEES_NON_JUSTIFIEES;RETARDS;MINUTES_RETARD", lines[0]);
        Assert.Equal($"{s.ClassmateId};Roth;Hugo;2nde 1;0;0;1;7", lines[1]);
        Assert.Equal($"{s.School.StudentId};Schneider;Léa;2nde 1;2;1;0;0", lines[2]);
    }

    [Fact]
    public async Task A_report_of_another_school_s_class_is_not_found_and_teachers_get_no_report()
    {
        var s = await CreateAsync(app);
        var other = await SchoolScenario.CreateAsync(app);
        const string Report = "query($c: ID) { absenceReport(classId: $c) { nodes { studentId } } }";

        Assert.Equal("NOT_FOUND", (await app.Client(s.CpeToken).SendAsync(Report, new { c = other.ClassId })).FirstErrorCode);
        Assert.Equal("FORBIDDEN", (await app.Client(s.School.TeacherToken).SendAsync(Report, new { c = s.School.ClassId })).FirstErrorCode);
    }

    [Fact]
    public async Task Each_read_of_a_student_s_attendance_by_someone_else_is_in_the_access_history()
    {
        var s = await CreateAsync(app);
        (await app.Client(s.GuardianToken).SendAsync(Summary, new { s = s.School.StudentId })).Ok();
        (await app.Client(s.CpeToken).SendAsync("{ absenceReport { nodes { studentId } } }")).Ok();

        var officer = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, s.School.EstablishmentId)));
        var history = (await officer.SendAsync(
            "query($s: ID!) { accessHistory(subjectId: $s, category: ABSENCES) { nodes { actorId operation } } }", new { s = s.School.StudentId })).Ok()["accessHistory"]!["nodes"]!.AsArray();

        Assert.Contains(history, h => h!["actorId"]!.GetValue<string>() == s.GuardianId.ToString() && h["operation"]!.GetValue<string>() == "Query.studentAttendance");
        Assert.Contains(history, h => h!["operation"]!.GetValue<string>() == "Query.absenceReport");
    }

    [Fact]
    public async Task A_new_establishment_has_the_default_reasons_and_the_office_adds_and_retires_its_own()
    {
        var s = await CreateAsync(app);
        var cpe = app.Client(s.CpeToken);
        var defaults = (await cpe.SendAsync(Reasons)).Ok()["absenceReasons"]!.AsArray();
        Assert.Contains(defaults, r => r!["code"]!.GetValue<string>() == "MALADIE" && r["countsAsJustified"]!.GetValue<bool>());
        Assert.Contains(defaults, r => r!["code"]!.GetValue<string>() == "REVEIL" && !r["countsAsJustified"]!.GetValue<bool>());

        (await cpe.SendAsync(
            "mutation($i: AddAbsenceReasonInput!) { addAbsenceReason(input: $i) { absenceReasons { code } userErrors { code message } } }",
            new { i = new { code = "sortie_scolaire", label = "Sortie scolaire", countsAsJustified = true } })).Ok();
        (await cpe.SendAsync("mutation { retireAbsenceReason(code: \"REVEIL\") { absenceReasons { code } userErrors { code message } } }")).Ok();

        var codes = (await app.Client(s.GuardianToken).SendAsync(Reasons)).Ok()["absenceReasons"]!.AsArray().Select(r => r!["code"]!.GetValue<string>()).ToList();
        Assert.Contains("SORTIE_SCOLAIRE", codes);
        Assert.DoesNotContain("REVEIL", codes);
        Assert.Equal("VALIDATION", (await cpe.SendAsync(
            "mutation($i: RecordLatenessInput!) { recordLateness(input: $i) { lateness { id } userErrors { code message } } }",
            new { i = new { studentId = s.School.StudentId, date = "2026-10-06", minutes = 5, reasonCode = "REVEIL" } })).FirstErrorCode);
        Assert.Equal("FORBIDDEN", (await app.Client(s.School.TeacherToken).SendAsync("mutation { retireAbsenceReason(code: \"MALADIE\") { absenceReasons { code } userErrors { code message } } }")).FirstErrorCode);
    }

    [Fact]
    public async Task Neither_a_classmate_nor_another_school_s_office_sees_a_student_s_absences()
    {
        var s = await CreateAsync(app);
        var other = await CreateAsync(app);
        (await app.Client(s.School.TeacherToken).SendAsync(RollCallMutation, s.RollCall(Monday, 8, Absent(s.ClassmateId)))).Ok();

        Assert.Equal("FORBIDDEN", (await app.Client(s.School.StudentToken).SendAsync(Summary, new { s = s.ClassmateId })).FirstErrorCode);
        Assert.Equal("FORBIDDEN", (await app.Client(other.CpeToken).SendAsync(Summary, new { s = s.ClassmateId })).FirstErrorCode);
        Assert.DoesNotContain(s.ClassmateId.ToString(), (await app.Client(other.CpeToken).SendAsync("{ absenceReportCsv }")).Ok()["absenceReportCsv"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
