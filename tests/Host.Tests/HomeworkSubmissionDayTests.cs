using System.Security.Cryptography;
using System.Text;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>
/// A day of homework handed in online: the teacher sets a PDF to hand in, the student hands it in and corrects it,
/// a classmate is late, the teacher follows who handed in and marks on a barème, the family reads the feedback.
/// </summary>
[Collection(AppHost.Name)]
public class HomeworkSubmissionDayTests(AppFactory app)
{
    private const string Assign = "mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { homework { id expectedFormat allowedContentTypes studentIds } userErrors { code message } } }";
    private const string Submit = "mutation($i: SubmitHomeworkInput!) { submitHomework(input: $i) { submission { id versions late submittedAt text files { fileId name contentType size sha256 } } userErrors { code message } } }";
    private const string Status = "query($id: ID!) { homeworkSubmissions(homeworkId: $id) { nodes { student { id givenName } submitted late feedbackGiven submission { submittedAt versions } } } }";
    private const string Open = "query($id: ID!) { file(fileId: $id) { name contentType size sha256 contentBase64 } }";
    private const string Mine = "query($id: ID!) { mySubmission(homeworkId: $id) { versions late latestFeedback { grade { scaleName mark } comment givenAt } } }";
    private const string Feedback = "mutation($i: GiveSubmissionFeedbackInput!) { giveSubmissionFeedback(input: $i) { submission { latestFeedback { grade { mark } comment } } userErrors { code message } } }";
    private const string CreateScale = "mutation($i: CreateGradingScaleInput!) { createGradingScale(input: $i) { gradingScale { id name kind } userErrors { code message } } }";

    private static readonly string[] PdfOnly = ["application/pdf"];
    private static readonly string[] CompetencyLevels = ["Très bonne maîtrise", "Maîtrise satisfaisante", "Maîtrise fragile", "Maîtrise insuffisante"];
    private static readonly byte[] Copy = Encoding.ASCII.GetBytes("%PDF-1.7\n% copie de Léa\n1 0 obj\n<<>>\nendobj\n");

    private static object Pdf(byte[] bytes, string name = "copie.pdf", string type = "application/pdf") =>
        new { name, contentType = type, contentBase64 = Convert.ToBase64String(bytes) };

    private async Task<string> AssignPdfAsync(SchoolScenario school, int dueInHours = 24, Guid[]? studentIds = null) =>
        (await app.Client(school.TeacherToken).SendAsync(Assign, new
        {
            i = new
            {
                classId = school.ClassId, subject = SchoolScenario.Subject, title = "DM 3 : fonctions", instructions = "Exercices 4 et 5, à rendre en PDF.",
                dueAt = app.Clock.GetUtcNow().AddHours(dueInHours), expectedFormat = "FILE", allowedContentTypes = PdfOnly, studentIds,
            },
        })).Ok()["assignHomework"]!["homework"]!["id"]!.GetValue<string>();

    private Task<GraphQLResponse> HandInAsync(string token, string homeworkId, object[]? files = null, string? text = null) =>
        app.Client(token).SendAsync(Submit, new { i = new { homeworkId, text, files = files ?? [Pdf(Copy)] } });

    [Fact]
    public async Task The_student_hands_in_a_pdf_corrects_it_before_the_deadline_and_the_teacher_sees_who_handed_in()
    {
        var day = await TeachingDay.CreateAsync(app);
        var homeworkId = await AssignPdfAsync(day.School);

        var first = (await HandInAsync(day.School.StudentToken, homeworkId)).Ok()["submitHomework"]!["submission"]!;
        app.Clock.Advance(TimeSpan.FromHours(1));
        var corrected = Encoding.ASCII.GetBytes("%PDF-1.7\n% copie corrigée\n");
        var second = (await HandInAsync(day.School.StudentToken, homeworkId, [Pdf(corrected, "copie-v2.pdf")])).Ok()["submitHomework"]!["submission"]!;

        Assert.Equal(first["id"]!.GetValue<string>(), second["id"]!.GetValue<string>());
        Assert.Equal(2, second["versions"]!.GetValue<int>());
        Assert.False(second["late"]!.GetValue<bool>());
        var file = Assert.Single(second["files"]!.AsArray())!;
        Assert.Equal("copie-v2.pdf", file["name"]!.GetValue<string>());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(corrected)), file["sha256"]!.GetValue<string>());

        var status = (await app.Client(day.School.TeacherToken).SendAsync(Status, new { id = homeworkId })).Ok()["homeworkSubmissions"]!["nodes"]!.AsArray();
        Assert.Equal(2, status.Count);
        var lea = status.Single(s => s!["student"]!["givenName"]!.GetValue<string>() == "Léa")!;
        var hugo = status.Single(s => s!["student"]!["givenName"]!.GetValue<string>() == "Hugo")!;
        Assert.True(lea["submitted"]!.GetValue<bool>());
        Assert.Equal(2, lea["submission"]!["versions"]!.GetValue<int>());
        Assert.False(hugo["submitted"]!.GetValue<bool>());
        Assert.Null(hugo["submission"]);
    }

    [Fact]
    public async Task The_teacher_and_the_guardian_open_the_handed_in_file_and_nobody_else_can()
    {
        var day = await TeachingDay.CreateAsync(app);
        var other = await SchoolScenario.CreateAsync(app);
        var homeworkId = await AssignPdfAsync(day.School);
        var fileId = (await HandInAsync(day.School.StudentToken, homeworkId)).Ok()["submitHomework"]!["submission"]!["files"]![0]!["fileId"]!.GetValue<string>();

        foreach (var reader in new[] { day.School.StudentToken, day.School.TeacherToken, day.GuardianToken })
        {
            var opened = (await app.Client(reader).SendAsync(Open, new { id = fileId })).Ok()["file"]!;
            Assert.Equal(Copy, Convert.FromBase64String(opened["contentBase64"]!.GetValue<string>()));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Copy)), opened["sha256"]!.GetValue<string>());
        }

        var refusals = new[] { day.ClassmateToken, day.ColleagueToken, day.DirectionToken, other.TeacherToken, other.StudentToken };
        foreach (var stranger in refusals)
        {
            var denied = await app.Client(stranger).SendAsync(Open, new { id = fileId });
            Assert.Equal("FORBIDDEN", denied.FirstErrorCode);
            Assert.Null(denied.Data?["file"]);
        }

        var missing = await app.Client(day.ClassmateToken).SendAsync(Open, new { id = Guid.CreateVersion7() });
        Assert.Equal("FORBIDDEN", missing.FirstErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await app.Client().SendAsync(Open, new { id = fileId })).FirstErrorCode);
    }

    [Fact]
    public async Task Every_bad_hand_in_is_refused_with_a_clear_error_and_nothing_is_recorded()
    {
        var day = await TeachingDay.CreateAsync(app);
        var other = await SchoolScenario.CreateAsync(app);
        var homeworkId = await AssignPdfAsync(day.School);
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x01 };
        var tooLarge = new byte[(2 * 1024 * 1024) + 1];
        Copy.CopyTo(tooLarge, 0);

        var cases = new (string Token, object[]? Files, string? Text, string Code, string Says)[]
        {
            (day.School.StudentToken, [], "Voici ma réponse", "VALIDATION", "files only"),
            (day.School.StudentToken, [Pdf(png, "photo.pdf")], null, "VALIDATION", "does not contain what its type"),
            (day.School.StudentToken, [Pdf(png, "photo.png", "image/png")], null, "VALIDATION", "not accepted here"),
            (day.School.StudentToken, [Pdf(tooLarge)], null, "VALIDATION", "too large"),
            (day.School.StudentToken, [new { name = "x.pdf", contentType = "application/pdf", contentBase64 = "!!pas du base64!!" }], null, "VALIDATION", "base64"),
            (other.StudentToken, null, null, "NOT_FOUND", "Homework was not found"),
        };
        foreach (var (token, files, text, code, says) in cases)
        {
            var response = await app.Client(token).SendAsync(Submit, new { i = new { homeworkId, text, files = files ?? [Pdf(Copy)] } });
            Assert.Equal(code, response.FirstErrorCode);
            Assert.Contains(says, response.FirstErrorMessage, StringComparison.Ordinal);
        }

        Assert.Null((await app.Client(day.School.StudentToken).SendAsync(Mine, new { id = homeworkId })).Ok()["mySubmission"]);
        Assert.Equal(0L, await StoredFilesOfAsync(day.School.StudentId));
    }

    [Fact]
    public async Task After_the_deadline_a_first_hand_in_is_accepted_flagged_late_but_a_replacement_is_refused()
    {
        var day = await TeachingDay.CreateAsync(app);
        var homeworkId = await AssignPdfAsync(day.School, dueInHours: 2);
        (await HandInAsync(day.School.StudentToken, homeworkId)).Ok();
        app.Clock.Advance(TimeSpan.FromHours(3));

        var late = (await HandInAsync(day.ClassmateToken, homeworkId)).Ok()["submitHomework"]!["submission"]!;
        var replacement = await HandInAsync(day.School.StudentToken, homeworkId);

        Assert.True(late["late"]!.GetValue<bool>());
        Assert.Equal("VALIDATION", replacement.FirstErrorCode);
        Assert.Contains("due date has passed", replacement.FirstErrorMessage, StringComparison.Ordinal);
        var status = (await app.Client(day.School.TeacherToken).SendAsync(Status, new { id = homeworkId })).Ok()["homeworkSubmissions"]!["nodes"]!.AsArray();
        Assert.True(status.Single(s => s!["student"]!["id"]!.GetValue<string>() == day.ClassmateId.ToString())!["late"]!.GetValue<bool>());
        Assert.False(status.Single(s => s!["student"]!["id"]!.GetValue<string>() == day.School.StudentId.ToString())!["late"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_teacher_marks_on_the_establishment_s_barème_and_the_student_and_guardian_read_the_dated_feedback()
    {
        var day = await TeachingDay.CreateAsync(app);
        var scaleId = (await app.Client(day.DirectionToken).SendAsync(CreateScale, new { i = new { name = "Sur 20", kind = "NUMERIC", maximum = 20, forEstablishment = true } }))
            .Ok()["createGradingScale"]!["gradingScale"]!["id"]!.GetValue<string>();
        var homeworkId = await AssignPdfAsync(day.School);
        var submissionId = (await HandInAsync(day.School.StudentToken, homeworkId)).Ok()["submitHomework"]!["submission"]!["id"]!.GetValue<string>();
        var teacher = app.Client(day.School.TeacherToken);

        var offScale = await teacher.SendAsync(Feedback, new { i = new { submissionId, gradingScaleId = scaleId, mark = "21", comment = "Bien." } });
        var byColleague = await app.Client(day.ColleagueToken).SendAsync(Feedback, new { i = new { submissionId, gradingScaleId = scaleId, mark = "10" } });
        (await teacher.SendAsync(Feedback, new { i = new { submissionId, gradingScaleId = scaleId, mark = "14,5", comment = "Bon travail, attention aux signes." } })).Ok();

        Assert.Equal("VALIDATION", offScale.FirstErrorCode);
        Assert.Equal("NOT_FOUND", byColleague.FirstErrorCode);
        var mine = (await app.Client(day.School.StudentToken).SendAsync(Mine, new { id = homeworkId })).Ok()["mySubmission"]!["latestFeedback"]!;
        Assert.Equal("14.5", mine["grade"]!["mark"]!.GetValue<string>());
        Assert.Equal("Sur 20", mine["grade"]!["scaleName"]!.GetValue<string>());
        Assert.Equal(app.Clock.GetUtcNow(), mine["givenAt"]!.GetValue<DateTimeOffset>());
        var child = Assert.Single((await app.Client(day.GuardianToken).SendAsync(
            "query($id: ID!) { studentSubmissions(studentId: $id) { nodes { latestFeedback { grade { mark } comment } } } }", new { id = day.School.StudentId }))
            .Ok()["studentSubmissions"]!["nodes"]!.AsArray())!;
        Assert.Equal("Bon travail, attention aux signes.", child["latestFeedback"]!["comment"]!.GetValue<string>());
        Assert.Equal("FORBIDDEN", (await app.Client(day.GuardianToken).SendAsync(
            "query($id: ID!) { studentSubmissions(studentId: $id) { nodes { id } } }", new { id = day.ClassmateId })).FirstErrorCode);
        Assert.Equal("CONFLICT", (await HandInAsync(day.School.StudentToken, homeworkId)).FirstErrorCode);
    }

    [Fact]
    public async Task A_teacher_keeps_their_own_competency_scale_which_colleagues_do_not_see_and_grades_with_its_levels()
    {
        var day = await TeachingDay.CreateAsync(app);
        var own = (await app.Client(day.School.TeacherToken).SendAsync(CreateScale, new
        {
            i = new { name = "Compétences", kind = "LEVELS", levels = CompetencyLevels, forEstablishment = false },
        })).Ok()["createGradingScale"]!["gradingScale"]!["id"]!.GetValue<string>();
        const string Scales = "{ gradingScales { nodes { id name } } }";

        Assert.Contains((await app.Client(day.School.TeacherToken).SendAsync(Scales)).Ok()["gradingScales"]!["nodes"]!.AsArray(), s => s!["id"]!.GetValue<string>() == own);
        Assert.DoesNotContain((await app.Client(day.ColleagueToken).SendAsync(Scales)).Ok()["gradingScales"]!["nodes"]!.AsArray(), s => s!["id"]!.GetValue<string>() == own);
        Assert.Equal("VALIDATION", (await app.Client(day.School.TeacherToken).SendAsync(CreateScale, new { i = new { name = "Sur 20", kind = "NUMERIC", maximum = 20, forEstablishment = true } })).FirstErrorCode);
        Assert.Equal("FORBIDDEN", (await app.Client(day.School.StudentToken).SendAsync(Scales)).FirstErrorCode);

        var homeworkId = await AssignPdfAsync(day.School);
        var submissionId = (await HandInAsync(day.School.StudentToken, homeworkId)).Ok()["submitHomework"]!["submission"]!["id"]!.GetValue<string>();
        var given = (await app.Client(day.School.TeacherToken).SendAsync(Feedback, new { i = new { submissionId, gradingScaleId = own, mark = "maîtrise fragile" } })).Ok();
        Assert.Equal("Maîtrise fragile", given["giveSubmissionFeedback"]!["submission"]!["latestFeedback"]!["grade"]!["mark"]!.GetValue<string>());
    }

    [Fact]
    public async Task Work_set_to_one_student_is_seen_and_handed_in_by_that_student_only()
    {
        var day = await TeachingDay.CreateAsync(app);
        var homeworkId = await AssignPdfAsync(day.School, studentIds: [day.School.StudentId]);

        Assert.Single((await app.Client(day.School.StudentToken).SendAsync("{ myHomework { nodes { id } } }")).Ok()["myHomework"]!["nodes"]!.AsArray());
        Assert.Empty((await app.Client(day.ClassmateToken).SendAsync("{ myHomework { nodes { id } } }")).Ok()["myHomework"]!["nodes"]!.AsArray());
        Assert.Equal("NOT_FOUND", (await HandInAsync(day.ClassmateToken, homeworkId)).FirstErrorCode);
        var status = (await app.Client(day.School.TeacherToken).SendAsync(Status, new { id = homeworkId })).Ok()["homeworkSubmissions"]!["nodes"]!.AsArray();
        Assert.Equal(day.School.StudentId.ToString(), Assert.Single(status)!["student"]!["id"]!.GetValue<string>());
        Assert.Equal("NOT_FOUND", (await app.Client(day.ColleagueToken).SendAsync(Status, new { id = homeworkId })).FirstErrorCode);
    }

    [Fact]
    public async Task Forgetting_the_student_deletes_their_files_and_no_one_can_open_them_any_more()
    {
        var day = await TeachingDay.CreateAsync(app);
        var homeworkId = await AssignPdfAsync(day.School);
        var fileId = (await HandInAsync(day.School.StudentToken, homeworkId)).Ok()["submitHomework"]!["submission"]!["files"]![0]!["fileId"]!.GetValue<string>();

        (await app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, day.School.EstablishmentId))).SendAsync(
            "mutation($i: ForgetDataSubjectInput!) { forgetDataSubject(input: $i) { forgottenAt userErrors { code message } } }",
            new { i = new { subjectId = day.School.StudentId, ground = "DATA_SUBJECT_REQUEST" } })).Ok();

        Assert.Equal("NOT_FOUND", (await app.Client(day.School.TeacherToken).SendAsync(Open, new { id = fileId })).FirstErrorCode);
        Assert.Equal(0L, await StoredFilesOfAsync(day.School.StudentId));
    }

    private async Task<long> StoredFilesOfAsync(Guid ownerId)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return Assert.Single(await session.AdvancedSql.QueryAsync<long>("SELECT count(*) FROM monbureau.mb_files WHERE owner_id = ?", CancellationToken.None, ownerId));
    }

    [Fact]
    public async Task Work_set_to_a_group_reaches_its_members_across_classes_and_not_the_rest_of_the_class()
    {
        var day = await TeachingDay.CreateAsync(app);
        var admin = app.Client(day.School.AdminToken);
        var groupId = SchoolScenario.IdOf((await admin.SendAsync(
            "mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } userErrors { code message } } }",
            new { i = new { establishmentId = day.School.EstablishmentId, name = "Soutien maths" } })).Ok()["createGroup"]!["group"]);
        (await admin.SendAsync("mutation($i: GroupMembershipInput!) { addStudentToGroup(input: $i) { group { id } userErrors { code message } } }", new { i = new { groupId, studentId = day.School.StudentId } })).Ok();
        (await admin.SendAsync("mutation($i: TeachingInput!) { assignTeaching(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { teacherId = day.School.TeacherId, teachingUnitId = groupId, subject = SchoolScenario.Subject } })).Ok();

        var homeworkId = (await app.Client(day.School.TeacherToken).SendAsync(Assign, new
        {
            i = new { groupId, subject = SchoolScenario.Subject, title = "Fiche soutien", instructions = "Fiche 2.", dueAt = app.Clock.GetUtcNow().AddDays(2), expectedFormat = "TEXT" },
        })).Ok()["assignHomework"]!["homework"]!["id"]!.GetValue<string>();

        Assert.Contains((await app.Client(day.School.StudentToken).SendAsync("{ myHomework { nodes { id } } }")).Ok()["myHomework"]!["nodes"]!.AsArray(), h => h!["id"]!.GetValue<string>() == homeworkId);
        Assert.Empty((await app.Client(day.ClassmateToken).SendAsync("{ myHomework { nodes { id } } }")).Ok()["myHomework"]!["nodes"]!.AsArray());
        Assert.Equal("Ma réponse", (await HandInAsync(day.School.StudentToken, homeworkId, [], "Ma réponse")).Ok()["submitHomework"]!["submission"]!["text"]!.GetValue<string>());
        Assert.Equal("NOT_FOUND", (await HandInAsync(day.ClassmateToken, homeworkId, [], "Moi aussi")).FirstErrorCode);
        Assert.Single((await app.Client(day.School.TeacherToken).SendAsync(Status, new { id = homeworkId })).Ok()["homeworkSubmissions"]!["nodes"]!.AsArray());
    }
}
