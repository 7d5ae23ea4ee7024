using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;
using static MonBureau.Host.Tests.Infrastructure.AttendanceScenario;

namespace MonBureau.Host.Tests;

/// <summary>Roll calls (appel) through the API: one mutation per lesson, corrections with their history, who may do and see what.</summary>
[Collection(AppHost.Name)]
public class AttendanceRollCallTests(AppFactory app)
{
    private const string RollCalls = "query($u: ID!, $d: DateOnly!) { rollCalls(teachingUnitId: $u, date: $d) { nodes { id marks { studentId presence } corrections { correctedAt } } } }";

    [Fact]
    public async Task A_teacher_takes_the_roll_call_of_the_whole_class_in_one_mutation()
    {
        var s = await CreateAsync(app);

        var rollCall = (await app.Client(s.School.TeacherToken).SendAsync(RollCallMutation, s.RollCall(Monday, 8, Absent(s.School.StudentId), Late(s.ClassmateId, 10))))
            .Ok()["takeRollCall"]!["rollCall"]!;

        Assert.Equal("MORNING", rollCall["lesson"]!["part"]!.GetValue<string>());
        var marks = rollCall["marks"]!.AsArray().ToDictionary(m => m!["studentId"]!.GetValue<string>(), m => m!["presence"]!.GetValue<string>());
        Assert.Equal("ABSENT", marks[s.School.StudentId.ToString()]);
        Assert.Equal("LATE", marks[s.ClassmateId.ToString()]);
        var cpe = app.Client(s.CpeToken);
        var student = (await cpe.SendAsync(Summary, new { s = s.School.StudentId })).Ok()["studentAttendance"]!;
        Assert.Equal(1, student["unjustifiedHalfDays"]!.GetValue<int>());
        var classmate = (await cpe.SendAsync(Summary, new { s = s.ClassmateId })).Ok()["studentAttendance"]!;
        Assert.Equal((1, 10, 0), (classmate["latenessCount"]!.GetValue<int>(), classmate["lateMinutes"]!.GetValue<int>(), classmate["unjustifiedHalfDays"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Submitting_the_roll_call_again_corrects_it_and_the_school_life_office_sees_each_correction()
    {
        var s = await CreateAsync(app);
        var teacher = app.Client(s.School.TeacherToken);
        (await teacher.SendAsync(RollCallMutation, s.RollCall(Monday, 10, Absent(s.School.StudentId)))).Ok();

        var corrected = (await teacher.SendAsync(RollCallMutation, s.RollCall(Monday, 10, Late(s.School.StudentId, 5)))).Ok()["takeRollCall"]!["rollCall"]!;
        (await teacher.SendAsync(RollCallMutation, s.RollCall(Monday, 10, Late(s.School.StudentId, 5)))).Ok();

        var change = Assert.Single(Assert.Single(corrected["corrections"]!.AsArray())!["changes"]!.AsArray())!;
        Assert.Equal(("ABSENT", "LATE", 5), (change["before"]!["presence"]!.GetValue<string>(), change["after"]!["presence"]!.GetValue<string>(), change["after"]!["lateMinutes"]!.GetValue<int>()));
        var seen = Assert.Single((await app.Client(s.CpeToken).SendAsync(RollCalls, new { u = s.School.ClassId, d = "2026-10-05" })).Ok()["rollCalls"]!["nodes"]!.AsArray())!;
        Assert.Single(seen["corrections"]!.AsArray());
        var summary = (await app.Client(s.CpeToken).SendAsync(Summary, new { s = s.School.StudentId })).Ok()["studentAttendance"]!;
        Assert.Equal(0, summary["unjustifiedHalfDays"]!.GetValue<int>());
        Assert.Empty(summary["absences"]!.AsArray());
        Assert.Equal(5, Assert.Single(summary["latenesses"]!.AsArray())!["minutes"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_school_life_office_records_a_lateness_and_the_student_sees_it_in_their_summary()
    {
        var s = await CreateAsync(app);

        (await app.Client(s.CpeToken).SendAsync(
            "mutation($i: RecordLatenessInput!) { recordLateness(input: $i) { lateness { id minutes reason { code } } userErrors { code message } } }",
            new { i = new { studentId = s.School.StudentId, date = "2026-10-06", minutes = 20, reasonCode = "REVEIL" } })).Ok();

        var summary = (await app.Client(s.School.StudentToken).SendAsync(Summary, new { s = s.School.StudentId })).Ok()["studentAttendance"]!;
        Assert.Equal((1, 20), (summary["latenessCount"]!.GetValue<int>(), summary["lateMinutes"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_teacher_of_another_school_cannot_take_the_roll_call_and_nothing_is_written()
    {
        var s = await CreateAsync(app);
        var other = await SchoolScenario.CreateAsync(app);

        var response = await app.Client(other.TeacherToken).SendAsync(RollCallMutation, s.RollCall(Monday, 8, Absent(s.School.StudentId)));

        Assert.Equal("NOT_FOUND", response.FirstErrorCode);
        Assert.Empty((await app.Client(s.CpeToken).SendAsync(RollCalls, new { u = s.School.ClassId, d = "2026-10-05" })).Ok()["rollCalls"]!["nodes"]!.AsArray());
        Assert.Equal(0, (await app.Client(s.CpeToken).SendAsync(Summary, new { s = s.School.StudentId })).Ok()["studentAttendance"]!["unjustifiedHalfDays"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_student_cannot_take_a_roll_call()
    {
        var s = await CreateAsync(app);

        Assert.Equal("FORBIDDEN", (await app.Client(s.School.StudentToken).SendAsync(RollCallMutation, s.RollCall(Monday, 8, Absent(s.ClassmateId)))).FirstErrorCode);
    }

    [Theory]
    [InlineData("LATE", null)]
    [InlineData("ABSENT", 5)]
    public async Task An_invalid_mark_is_refused_as_a_validation_error_and_nothing_is_written(string presence, int? minutes)
    {
        var s = await CreateAsync(app);

        var response = await app.Client(s.School.TeacherToken).SendAsync(
            RollCallMutation, s.RollCall(Monday, 8, Absent(s.ClassmateId), new { studentId = s.School.StudentId, presence, lateMinutes = minutes }));

        Assert.Equal("VALIDATION", response.FirstErrorCode);
        Assert.Empty((await app.Client(s.CpeToken).SendAsync(RollCalls, new { u = s.School.ClassId, d = "2026-10-05" })).Ok()["rollCalls"]!["nodes"]!.AsArray());
        Assert.Equal(0, (await app.Client(s.CpeToken).SendAsync(Summary, new { s = s.ClassmateId })).Ok()["studentAttendance"]!["unjustifiedHalfDays"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_roll_call_listing_a_student_of_another_class_is_refused()
    {
        var s = await CreateAsync(app);
        var other = await SchoolScenario.CreateAsync(app);

        Assert.Equal("VALIDATION", (await app.Client(s.School.TeacherToken).SendAsync(RollCallMutation, s.RollCall(Monday, 8, Absent(other.StudentId)))).FirstErrorCode);
    }

    [Fact]
    public async Task A_teacher_sees_the_roll_calls_of_the_classes_they_teach_only()
    {
        var s = await CreateAsync(app);
        (await app.Client(s.School.TeacherToken).SendAsync(RollCallMutation, s.RollCall(Monday, 8, Absent(s.School.StudentId)))).Ok();
        var colleagueId = SchoolScenario.IdOf((await app.Client(s.School.AdminToken).SendAsync(
            "mutation($i: RegisterTeacherInput!) { registerTeacher(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { establishmentId = s.School.EstablishmentId, givenName = "Paul", familyName = "Weber" } })).Ok()["registerTeacher"]!["person"]);
        var colleague = app.Client(app.TokenFor(new Actor(colleagueId, Role.Teacher, s.School.EstablishmentId)));

        Assert.Single((await app.Client(s.School.TeacherToken).SendAsync(RollCalls, new { u = s.School.ClassId, d = "2026-10-05" })).Ok()["rollCalls"]!["nodes"]!.AsArray());
        Assert.Equal("NOT_FOUND", (await colleague.SendAsync(RollCalls, new { u = s.School.ClassId, d = "2026-10-05" })).FirstErrorCode);
        Assert.Equal("FORBIDDEN", (await colleague.SendAsync(Summary, new { s = s.School.StudentId })).FirstErrorCode);
    }

    [Fact]
    public async Task Two_simultaneous_first_roll_calls_of_a_lesson_make_one_roll_call_and_the_other_is_a_conflict_or_a_correction()
    {
        var s = await CreateAsync(app);
        var teacher = app.Client(s.School.TeacherToken);

        var responses = await Task.WhenAll(
            teacher.SendAsync(RollCallMutation, s.RollCall(Monday, 15, Absent(s.School.StudentId))),
            teacher.SendAsync(RollCallMutation, s.RollCall(Monday, 15, Absent(s.ClassmateId))));

        Assert.All(responses, r => Assert.True(r.FirstErrorCode is null || r.FirstErrorCode == "CONFLICT", r.Body.ToJsonString()));
        Assert.Single((await app.Client(s.CpeToken).SendAsync(RollCalls, new { u = s.School.ClassId, d = "2026-10-05" })).Ok()["rollCalls"]!["nodes"]!.AsArray());
    }
}
