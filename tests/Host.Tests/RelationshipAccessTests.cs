using Marten;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>Who may read whose record, through the API: the relationship half of the policy.</summary>
[Collection(AppHost.Name)]
public class RelationshipAccessTests(AppFactory app)
{
    private const string PersonQuery = "query($id: ID!) { person(id: $id) { id givenName } }";
    private const string HomeworkQuery = "query($id: ID!) { studentHomework(studentId: $id) { nodes { title } } }";

    private async Task<(Guid GuardianId, string Token)> GuardianOfAsync(SchoolScenario school)
    {
        var guardianId = SchoolScenario.IdOf((await app.Client(school.AdminToken).SendAsync(
            "mutation($i: RegisterGuardianInput!) { registerGuardian(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { studentId = school.StudentId, givenName = "Sophie", familyName = "Schneider", rights = new { legalGuardian = true, mayJustifyAbsences = true, receivesSchoolLifeNotices = true } } })).Ok()["registerGuardian"]!["person"]);
        return (guardianId, app.TokenFor(new Actor(guardianId, Role.Guardian, school.EstablishmentId)));
    }

    [Fact]
    public async Task A_guardian_reads_their_child_and_the_child_s_homework_but_no_other_student()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var classmate = await SchoolScenario.CreateAsync(app);
        var (_, token) = await GuardianOfAsync(school);
        (await app.Client(school.TeacherToken).SendAsync(
            "mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { homework { id } userErrors { code message } } }",
            new { i = new { classId = school.ClassId, subject = SchoolScenario.Subject, title = "Devoir maison", instructions = "Page 12.", dueAt = app.Clock.GetUtcNow().AddDays(2) } })).Ok();
        var guardian = app.Client(token);

        Assert.Equal("Léa", (await guardian.SendAsync(PersonQuery, new { id = school.StudentId })).Ok()["person"]!["givenName"]!.GetValue<string>());
        Assert.Equal("Devoir maison", Assert.Single((await guardian.SendAsync(HomeworkQuery, new { id = school.StudentId })).Ok()["studentHomework"]!["nodes"]!.AsArray())!["title"]!.GetValue<string>());
        Assert.Equal("FORBIDDEN", (await guardian.SendAsync(PersonQuery, new { id = classmate.StudentId })).FirstErrorCode);
        Assert.Equal("FORBIDDEN", (await guardian.SendAsync(HomeworkQuery, new { id = classmate.StudentId })).FirstErrorCode);
    }

    [Fact]
    public async Task A_refusal_does_not_reveal_whether_the_person_exists_and_is_recorded()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var other = await SchoolScenario.CreateAsync(app);
        var student = app.Client(school.StudentToken);

        var existing = await student.SendAsync(PersonQuery, new { id = other.StudentId });
        var missing = await student.SendAsync(PersonQuery, new { id = Guid.CreateVersion7() });

        Assert.Equal(existing.FirstErrorCode, missing.FirstErrorCode);
        Assert.Equal(existing.FirstErrorMessage, missing.FirstErrorMessage);
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var denials = (await session.Events.FetchStreamAsync(school.StudentId)).Select(e => e.Data).OfType<AccessDenied>().ToList();
        Assert.Contains(denials, d => d.TargetId == other.StudentId && d.Operation == "Query.person");
    }

    [Fact]
    public async Task A_teacher_reads_the_students_they_teach_and_not_others_of_the_school()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var admin = app.Client(school.AdminToken);
        var otherClassId = SchoolScenario.IdOf((await admin.SendAsync(
            "mutation($i: CreateClassInput!) { createClass(input: $i) { schoolClass { id } userErrors { code message } } }",
            new { i = new { establishmentId = school.EstablishmentId, name = "1re 4" } })).Ok()["createClass"]!["schoolClass"]);
        var otherStudentId = SchoolScenario.IdOf((await admin.SendAsync(
            "mutation($i: EnrollStudentInput!) { enrollStudent(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { classId = otherClassId, givenName = "Hugo", familyName = "Roth" } })).Ok()["enrollStudent"]!["person"]);
        var teacher = app.Client(school.TeacherToken);

        (await teacher.SendAsync(PersonQuery, new { id = school.StudentId })).Ok();
        Assert.Equal("FORBIDDEN", (await teacher.SendAsync(PersonQuery, new { id = otherStudentId })).FirstErrorCode);
    }

    [Fact]
    public async Task The_school_life_office_reads_anyone_of_its_establishment_and_nobody_elsewhere()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var other = await SchoolScenario.CreateAsync(app);
        var cpe = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.SchoolLifeOffice, school.EstablishmentId)));

        (await cpe.SendAsync(PersonQuery, new { id = school.StudentId })).Ok();
        (await cpe.SendAsync(PersonQuery, new { id = school.TeacherId })).Ok();
        Assert.Equal("FORBIDDEN", (await cpe.SendAsync(PersonQuery, new { id = other.StudentId })).FirstErrorCode);
    }
}
