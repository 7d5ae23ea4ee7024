using System.Globalization;
using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Domain.Grades;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>What the grade book refuses, with the code a client sees, and that a refusal writes nothing.</summary>
[Collection(AppHost.Name)]
public class GradesRefusalTests(AppFactory app)
{
    private const string Book = "query($u: ID!, $t: Int!) { gradeBook(teachingUnitId: $u, subject: \"Mathématiques\", term: $t) { assessments { id marks { studentId value } } students { student { id } average } } }";

    private async Task<int> AssessmentsCreatedAsync(Guid unitId)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.QueryRawEventDataOnly<AssessmentCreated>().Where(e => e.TeachingUnitId == unitId).CountAsync();
    }

    private Task<GraphQLResponse> EnterAsync(SchoolScenario school, string assessmentId, object line) =>
        app.Client(school.TeacherToken).SendAsync(GradesTermTests.Enter, new { i = new { assessmentId, marks = new[] { line } } });

    [Fact]
    public async Task A_teacher_who_does_not_teach_the_class_cannot_create_an_assessment_or_read_its_grade_book()
    {
        var day = await TeachingDay.CreateAsync(app);
        var other = await SchoolScenario.CreateAsync(app);
        var date = GradesTermTests.Today(app).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var byColleague = await app.Client(day.ColleagueToken).SendAsync(GradesTermTests.Create,
            new { i = new { teachingUnitId = day.School.ClassId, subject = "Mathématiques", title = "DS", date } });
        var fromOtherSchool = await app.Client(other.TeacherToken).SendAsync(GradesTermTests.Create,
            new { i = new { teachingUnitId = day.School.ClassId, subject = "Mathématiques", title = "DS", date } });
        var wrongSubject = await app.Client(day.School.TeacherToken).SendAsync(GradesTermTests.Create,
            new { i = new { teachingUnitId = day.School.ClassId, subject = "Histoire", title = "DS", date } });
        var book = await app.Client(other.TeacherToken).SendAsync(Book, new { u = day.School.ClassId, t = 1 });

        Assert.Equal("NOT_FOUND", byColleague.FirstErrorCode);
        Assert.Equal("NOT_FOUND", fromOtherSchool.FirstErrorCode);
        Assert.Equal("VALIDATION", wrongSubject.FirstErrorCode);
        Assert.Equal("NOT_FOUND", book.FirstErrorCode);
        Assert.Equal(0, await AssessmentsCreatedAsync(day.School.ClassId));
    }

    [Fact]
    public async Task A_mark_off_the_scale_or_for_a_student_of_another_class_is_refused_and_no_mark_is_written()
    {
        var day = await TeachingDay.CreateAsync(app);
        var school = day.School;
        var (assessmentId, term) = await GradesTermTests.AssessAsync(app, school, "DS 1", 1);
        var elsewhere = await AgendaPeople.StudentInAsync(app, school, await AgendaPeople.ClassAsync(app, school, "2nde 2"));

        var tooHigh = await EnterAsync(school, assessmentId, new { studentId = school.StudentId, status = "MARKED", value = 21 });
        var valueWhenAbsent = await EnterAsync(school, assessmentId, new { studentId = school.StudentId, status = "ABSENT", value = 12 });
        var stranger = await EnterAsync(school, assessmentId, new { studentId = elsewhere.Id, status = "MARKED", value = 12 });
        var byColleague = await app.Client(day.ColleagueToken).SendAsync(GradesTermTests.Enter,
            new { i = new { assessmentId, marks = new[] { new { studentId = school.StudentId, status = "MARKED", value = 12 } } } });

        Assert.Equal("VALIDATION", tooHigh.FirstErrorCode);
        Assert.Contains("from 0 to 20", tooHigh.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Equal("VALIDATION", valueWhenAbsent.FirstErrorCode);
        Assert.Equal("NOT_FOUND", stranger.FirstErrorCode);
        Assert.Equal("NOT_FOUND", byColleague.FirstErrorCode);
        var book = (await app.Client(school.TeacherToken).SendAsync(Book, new { u = school.ClassId, t = term })).Ok()["gradeBook"]!;
        Assert.Empty(Assert.Single(book["assessments"]!.AsArray())!["marks"]!.AsArray());
        Assert.Equal(2, book["students"]!.AsArray().Count);
    }

    [Fact]
    public async Task Another_family_and_a_classmate_cannot_read_a_student_s_grades_or_report_card()
    {
        var day = await TeachingDay.CreateAsync(app);
        var other = await SchoolScenario.CreateAsync(app);
        var otherGuardian = await AgendaPeople.GuardianOfStudentAsync(app, other);
        var (assessmentId, term) = await GradesTermTests.AssessAsync(app, day.School, "DS 1", 1);
        (await EnterAsync(day.School, assessmentId, new { studentId = day.School.StudentId, status = "MARKED", value = 12 })).Ok();

        var byClassmate = await app.Client(day.ClassmateToken).SendAsync(GradesTermTests.StudentGrades, new { s = day.School.StudentId, t = term });
        var byOtherGuardian = await app.Client(otherGuardian.Token).SendAsync(GradesTermTests.StudentGrades, new { s = day.School.StudentId, t = term });
        (await app.Client(day.DirectionToken).SendAsync("mutation($i: ScheduleReportCardPublicationInput!) { scheduleReportCardPublication(input: $i) { gradeCalendar { schoolYear } userErrors { code message } } }",
            new { i = new { establishmentId = day.School.EstablishmentId, schoolYear = 2026, term, studentsAt = app.Clock.GetUtcNow(), guardiansAt = app.Clock.GetUtcNow() } })).Ok();
        using var classmateDownload = await GradesTermTests.DownloadAsync(app, day.ClassmateToken, day.School.StudentId, term);

        Assert.Equal("FORBIDDEN", byClassmate.FirstErrorCode);
        Assert.Equal("FORBIDDEN", byOtherGuardian.FirstErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, classmateDownload.StatusCode);
    }

    [Fact]
    public async Task The_teacher_reads_the_report_card_before_its_publication_to_prepare_the_class_council()
    {
        var day = await TeachingDay.CreateAsync(app);
        var (assessmentId, term) = await GradesTermTests.AssessAsync(app, day.School, "DS 1", 1);
        (await EnterAsync(day.School, assessmentId, new { studentId = day.School.StudentId, status = "MARKED", value = 13.5 })).Ok();

        using var byTeacher = await GradesTermTests.DownloadAsync(app, day.School.TeacherToken, day.School.StudentId, term);
        using var byStudent = await GradesTermTests.DownloadAsync(app, day.School.StudentToken, day.School.StudentId, term);

        Assert.Equal(HttpStatusCode.OK, byTeacher.StatusCode);
        Assert.Contains("13,50", GradesTermTests.TextOf(await byTeacher.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, byStudent.StatusCode);
        Assert.Contains("has not been scheduled", await byStudent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Direction_defines_two_semesters_and_overlapping_terms_are_refused()
    {
        var day = await TeachingDay.CreateAsync(app);
        var direction = app.Client(day.DirectionToken);
        const string Define = "mutation($i: DefineTermsInput!) { defineTerms(input: $i) { gradeCalendar { defined terms { number name start end } } userErrors { code message } } }";

        var overlapping = await direction.SendAsync(Define, new { i = new { establishmentId = day.School.EstablishmentId, schoolYear = 2026, terms = new[]
        {
            new { name = "S1", start = "2026-09-01", end = "2027-01-31" },
            new { name = "S2", start = "2027-01-15", end = "2027-08-31" },
        } } });
        var byTeacher = await app.Client(day.School.TeacherToken).SendAsync(Define, new { i = new { establishmentId = day.School.EstablishmentId, schoolYear = 2026, terms = Array.Empty<object>() } });
        var semesters = (await direction.SendAsync(Define, new { i = new { establishmentId = day.School.EstablishmentId, schoolYear = 2026, terms = new[]
        {
            new { name = "1er semestre", start = "2026-09-01", end = "2027-01-31" },
            new { name = "2e semestre", start = "2027-02-01", end = "2027-08-31" },
        } } })).Ok()["defineTerms"]!["gradeCalendar"]!;
        var (_, january) = await GradesTermTests.AssessAsync(app, day.School, "DS 1", 1, date: new DateOnly(2027, 1, 31));
        var (_, february) = await GradesTermTests.AssessAsync(app, day.School, "DS 2", 1, date: new DateOnly(2027, 2, 1));

        Assert.Equal("VALIDATION", overlapping.FirstErrorCode);
        Assert.Equal("FORBIDDEN", byTeacher.FirstErrorCode);
        Assert.True(semesters["defined"]!.GetValue<bool>());
        Assert.Equal(["1er semestre", "2e semestre"], semesters["terms"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal((1, 2), (january, february));
    }
}
