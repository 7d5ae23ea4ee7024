using Marten;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Attendance;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;
using static MonBureau.Host.Tests.Infrastructure.AttendanceScenario;

namespace MonBureau.Host.Tests;

/// <summary>Absences recorded by the office, justified by guardians and decided on by the CPE; the monthly absenteeism alert.</summary>
[Collection(AppHost.Name)]
public class AttendanceJustificationTests(AppFactory app)
{
    private const string RecordAbsence = "mutation($i: RecordAbsenceInput!) { recordAbsence(input: $i) { absence { id justified halfDays { date part } reason { code } } userErrors { code message } } }";
    private const string Justify = "mutation($i: JustifyAbsenceInput!) { justifyAbsence(input: $i) { absence { id justification explanation } userErrors { code message } } }";
    private const string Accept = "mutation($i: AcceptAbsenceJustificationInput!) { acceptAbsenceJustification(input: $i) { absence { id justified justification decisionComment } userErrors { code message } } }";
    private const string Reject = "mutation($i: RejectAbsenceJustificationInput!) { rejectAbsenceJustification(input: $i) { absence { id justified justification decisionComment } userErrors { code message } } }";
    private const string Dashboard = "{ schoolLifeDashboard { alerts { studentId year month unjustifiedHalfDays } pendingJustifications { id studentId explanation } } }";

    private async Task<string> AbsenceFromRollCallAsync(AttendanceScenario s, DateOnly date, int hour)
    {
        var rollCall = (await app.Client(s.School.TeacherToken).SendAsync(RollCallMutation, s.RollCall(date, hour, Absent(s.School.StudentId)))).Ok();
        Assert.NotNull(rollCall);
        var summary = (await app.Client(s.CpeToken).SendAsync(Summary, new { s = s.School.StudentId })).Ok()["studentAttendance"]!;
        return summary["absences"]!.AsArray().First(a => a!["halfDays"]![0]!["date"]!.GetValue<string>() == date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))!["id"]!.GetValue<string>();
    }

    private async Task<List<Type>> EventTypesOfRecordAsync(AttendanceScenario s)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(AttendanceIds.StudentRecord(s.School.StudentId, s.School.EstablishmentId));
        return [.. events.Select(e => e.EventType)];
    }

    [Fact]
    public async Task A_guardian_justifies_an_absence_and_the_school_life_office_accepts_it()
    {
        var s = await CreateAsync(app);
        var absenceId = await AbsenceFromRollCallAsync(s, Monday, 8);

        var submitted = (await app.Client(s.GuardianToken).SendAsync(Justify, new { i = new { absenceId, reasonCode = "MALADIE", explanation = "Léa avait de la fièvre." } })).Ok()["justifyAbsence"]!["absence"]!;
        Assert.Equal(("PENDING", "Léa avait de la fièvre."), (submitted["justification"]!.GetValue<string>(), submitted["explanation"]!.GetValue<string>()));
        var pending = (await app.Client(s.CpeToken).SendAsync(Dashboard)).Ok()["schoolLifeDashboard"]!["pendingJustifications"]!.AsArray();
        Assert.Contains(pending, p => p!["id"]!.GetValue<string>() == absenceId);

        var accepted = (await app.Client(s.CpeToken).SendAsync(Accept, new { i = new { absenceId, comment = "Certificat médical vu." } })).Ok()["acceptAbsenceJustification"]!["absence"]!;

        Assert.True(accepted["justified"]!.GetValue<bool>());
        var summary = (await app.Client(s.GuardianToken).SendAsync(Summary, new { s = s.School.StudentId })).Ok()["studentAttendance"]!;
        Assert.Equal((1, 0), (summary["justifiedHalfDays"]!.GetValue<int>(), summary["unjustifiedHalfDays"]!.GetValue<int>()));
        Assert.Equal("Certificat médical vu.", summary["absences"]![0]!["decisionComment"]!.GetValue<string>());
        var types = await EventTypesOfRecordAsync(s);
        Assert.Contains(typeof(AbsenceJustificationSubmitted), types);
        Assert.Contains(typeof(AbsenceJustificationAccepted), types);
    }

    [Fact]
    public async Task A_rejected_justification_leaves_the_absence_unjustified_with_the_office_s_comment()
    {
        var s = await CreateAsync(app);
        var absenceId = await AbsenceFromRollCallAsync(s, Monday, 14);
        (await app.Client(s.GuardianToken).SendAsync(Justify, new { i = new { absenceId, reasonCode = "CONVENANCE", explanation = "Départ en vacances." } })).Ok();

        var rejected = (await app.Client(s.CpeToken).SendAsync(Reject, new { i = new { absenceId, comment = "Les vacances ne justifient pas une absence." } })).Ok()["rejectAbsenceJustification"]!["absence"]!;

        Assert.Equal(("REJECTED", false), (rejected["justification"]!.GetValue<string>(), rejected["justified"]!.GetValue<bool>()));
        var summary = (await app.Client(s.GuardianToken).SendAsync(Summary, new { s = s.School.StudentId })).Ok()["studentAttendance"]!;
        Assert.Equal((0, 1), (summary["justifiedHalfDays"]!.GetValue<int>(), summary["unjustifiedHalfDays"]!.GetValue<int>()));
        Assert.Contains(typeof(AbsenceJustificationRejected), await EventTypesOfRecordAsync(s));
    }

    [Fact]
    public async Task A_guardian_of_another_child_cannot_justify_the_absence_and_nothing_is_written()
    {
        var s = await CreateAsync(app);
        var other = await CreateAsync(app);
        var absenceId = await AbsenceFromRollCallAsync(s, Monday, 8);

        var response = await app.Client(other.GuardianToken).SendAsync(Justify, new { i = new { absenceId, reasonCode = "MALADIE", explanation = "Fièvre." } });

        Assert.Equal("NOT_FOUND", response.FirstErrorCode);
        var absence = (await app.Client(s.CpeToken).SendAsync(Summary, new { s = s.School.StudentId })).Ok()["studentAttendance"]!["absences"]![0]!;
        Assert.Equal("NONE", absence["justification"]!.GetValue<string>());
        Assert.Equal("FORBIDDEN", (await app.Client(other.GuardianToken).SendAsync(Summary, new { s = s.School.StudentId })).FirstErrorCode);
    }

    [Fact]
    public async Task A_guardian_without_the_right_to_justify_absences_is_refused()
    {
        var s = await CreateAsync(app, guardianMayJustify: false);
        var absenceId = await AbsenceFromRollCallAsync(s, Monday, 8);

        var response = await app.Client(s.GuardianToken).SendAsync(Justify, new { i = new { absenceId, reasonCode = "MALADIE", explanation = "Fièvre." } });

        Assert.Equal("FORBIDDEN", response.FirstErrorCode);
    }

    [Fact]
    public async Task A_justification_with_an_unknown_reason_or_no_explanation_is_refused_as_invalid()
    {
        var s = await CreateAsync(app);
        var absenceId = await AbsenceFromRollCallAsync(s, Monday, 8);
        var guardian = app.Client(s.GuardianToken);

        Assert.Equal("VALIDATION", (await guardian.SendAsync(Justify, new { i = new { absenceId, reasonCode = "VACANCES", explanation = "Ski." } })).FirstErrorCode);
        Assert.Equal("VALIDATION", (await guardian.SendAsync(Justify, new { i = new { absenceId, reasonCode = "MALADIE", explanation = "  " } })).FirstErrorCode);
        Assert.DoesNotContain(typeof(AbsenceJustificationSubmitted), await EventTypesOfRecordAsync(s));
    }

    [Fact]
    public async Task The_office_records_a_justified_day_and_a_period_counted_in_school_half_days()
    {
        var s = await CreateAsync(app);
        var cpe = app.Client(s.CpeToken);

        var day = (await cpe.SendAsync(RecordAbsence, new { i = new { studentId = s.School.StudentId, from = "2026-10-12", reasonCode = "RDV_MEDICAL" } })).Ok()["recordAbsence"]!["absence"]!;
        var period = (await cpe.SendAsync(RecordAbsence, new { i = new { studentId = s.School.StudentId, from = "2026-10-16", fromPart = "AFTERNOON", to = "2026-10-19", toPart = "MORNING" } })).Ok()["recordAbsence"]!["absence"]!;

        Assert.True(day["justified"]!.GetValue<bool>());
        Assert.Equal(2, day["halfDays"]!.AsArray().Count);
        Assert.Equal(["2026-10-16", "2026-10-19"], period["halfDays"]!.AsArray().Select(h => h!["date"]!.GetValue<string>()));
        var summary = (await cpe.SendAsync(Summary, new { s = s.School.StudentId })).Ok()["studentAttendance"]!;
        Assert.Equal((2, 2), (summary["justifiedHalfDays"]!.GetValue<int>(), summary["unjustifiedHalfDays"]!.GetValue<int>()));
    }

    [Fact]
    public async Task An_absence_for_a_student_of_another_school_or_ending_before_it_starts_is_refused()
    {
        var s = await CreateAsync(app);
        var other = await SchoolScenario.CreateAsync(app);
        var cpe = app.Client(s.CpeToken);

        Assert.Equal("NOT_FOUND", (await cpe.SendAsync(RecordAbsence, new { i = new { studentId = other.StudentId, from = "2026-10-12" } })).FirstErrorCode);
        Assert.Equal("VALIDATION", (await cpe.SendAsync(RecordAbsence, new { i = new { studentId = s.School.StudentId, from = "2026-10-12", to = "2026-10-09" } })).FirstErrorCode);
        Assert.Equal("FORBIDDEN", (await app.Client(s.School.TeacherToken).SendAsync(RecordAbsence, new { i = new { studentId = s.School.StudentId, from = "2026-10-12" } })).FirstErrorCode);
        Assert.Empty((await cpe.SendAsync(Summary, new { s = s.School.StudentId })).Ok()["studentAttendance"]!["absences"]!.AsArray());
    }

    [Fact]
    public async Task Four_unjustified_half_days_in_a_month_raise_one_alert_for_the_office_and_the_direction()
    {
        var s = await CreateAsync(app);
        var teacher = app.Client(s.School.TeacherToken);
        var cpe = app.Client(s.CpeToken);
        (await teacher.SendAsync(RollCallMutation, s.RollCall(Monday, 8, Absent(s.School.StudentId)))).Ok();
        (await teacher.SendAsync(RollCallMutation, s.RollCall(Monday, 10, Absent(s.School.StudentId)))).Ok();
        (await teacher.SendAsync(RollCallMutation, s.RollCall(Monday, 14, Absent(s.School.StudentId)))).Ok();
        (await cpe.SendAsync(RecordAbsence, new { i = new { studentId = s.School.StudentId, from = "2026-10-06", fromPart = "MORNING", toPart = "MORNING" } })).Ok();
        Assert.Empty(AlertsOf(await cpe.SendAsync(Dashboard), s.School.StudentId));

        (await cpe.SendAsync(RecordAbsence, new { i = new { studentId = s.School.StudentId, from = "2026-10-07", fromPart = "MORNING", toPart = "MORNING" } })).Ok();
        (await cpe.SendAsync(RecordAbsence, new { i = new { studentId = s.School.StudentId, from = "2026-10-08" } })).Ok();

        var alert = Assert.Single(AlertsOf(await cpe.SendAsync(Dashboard), s.School.StudentId));
        Assert.Equal((2026, 10, 4), (alert["year"]!.GetValue<int>(), alert["month"]!.GetValue<int>(), alert["unjustifiedHalfDays"]!.GetValue<int>()));
        var direction = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.Direction, s.School.EstablishmentId)));
        Assert.Single(AlertsOf(await direction.SendAsync(Dashboard), s.School.StudentId));
        var otherCpe = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.SchoolLifeOffice, Guid.CreateVersion7())));
        Assert.Empty(AlertsOf(await otherCpe.SendAsync(Dashboard), s.School.StudentId));
        Assert.Single(await EventTypesOfRecordAsync(s), t => t == typeof(AbsenteeismAlertRaised));
    }

    private static List<System.Text.Json.Nodes.JsonNode> AlertsOf(GraphQLResponse dashboard, Guid studentId) =>
        [.. dashboard.Ok()["schoolLifeDashboard"]!["alerts"]!.AsArray().Where(a => a!["studentId"]!.GetValue<string>() == studentId.ToString())!.Select(a => a!)];
}
