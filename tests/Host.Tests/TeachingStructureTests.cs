using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

[Collection(AppHost.Name)]
public class TeachingStructureTests(AppFactory app)
{
    private static async Task<Guid> RegisterTeacherAsync(AppFactory app, SchoolScenario school, string familyName) =>
        SchoolScenario.IdOf((await app.Client(school.AdminToken).SendAsync(
            "mutation($i: RegisterTeacherInput!) { registerTeacher(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { establishmentId = school.EstablishmentId, givenName = "Paul", familyName } })).Ok()["registerTeacher"]!["person"]);

    [Fact]
    public async Task A_teacher_sees_only_the_classes_and_homework_they_teach()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var colleagueId = await RegisterTeacherAsync(app, school, "Klein");
        var colleague = app.Client(app.TokenFor(new Actor(colleagueId, Role.Teacher, school.EstablishmentId)));

        var classes = (await colleague.SendAsync("{ classes { nodes { id } } }")).Ok()["classes"]!["nodes"]!.AsArray();
        var homework = await colleague.SendAsync("query($c: ID!) { classHomework(classId: $c) { nodes { id } } }", new { c = school.ClassId });

        Assert.Empty(classes);
        Assert.Equal("NOT_FOUND", homework.FirstErrorCode);
        Assert.Single((await app.Client(school.TeacherToken).SendAsync("{ classes { nodes { id } } }")).Ok()["classes"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task A_group_gathers_students_and_its_teacher_sees_it()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var admin = app.Client(school.AdminToken);
        var groupId = SchoolScenario.IdOf((await admin.SendAsync(
            "mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } userErrors { code message } } }",
            new { i = new { establishmentId = school.EstablishmentId, name = "Soutien maths" } })).Ok()["createGroup"]!["group"]);
        var members = (await admin.SendAsync(
            "mutation($i: GroupMembershipInput!) { addStudentToGroup(input: $i) { group { members } userErrors { code message } } }",
            new { i = new { groupId, studentId = school.StudentId } })).Ok()["addStudentToGroup"]!["group"]!["members"]!.AsArray();
        var teacherId = await RegisterTeacherAsync(app, school, "Meyer");
        (await admin.SendAsync("mutation($i: TeachingInput!) { assignTeaching(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { teacherId, teachingUnitId = groupId, subject = "Mathématiques" } })).Ok();

        var groups = (await app.Client(app.TokenFor(new Actor(teacherId, Role.Teacher, school.EstablishmentId))).SendAsync("{ groups { nodes { id name } } }")).Ok()["groups"]!["nodes"]!.AsArray();

        Assert.Equal(school.StudentId.ToString(), Assert.Single(members)!.GetValue<string>());
        Assert.Equal("Soutien maths", Assert.Single(groups)!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_student_of_another_establishment_cannot_join_a_group()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var other = await SchoolScenario.CreateAsync(app);
        var groupId = SchoolScenario.IdOf((await app.Client(school.AdminToken).SendAsync(
            "mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } userErrors { code message } } }",
            new { i = new { establishmentId = school.EstablishmentId, name = "LV2 allemand" } })).Ok()["createGroup"]!["group"]);

        var response = await app.Client(school.AdminToken).SendAsync(
            "mutation($i: GroupMembershipInput!) { addStudentToGroup(input: $i) { group { id } userErrors { code message } } }",
            new { i = new { groupId, studentId = other.StudentId } });

        Assert.Equal("NOT_FOUND", response.FirstErrorCode);
    }

    [Fact]
    public async Task The_establishment_lists_its_subjects_and_current_school_year()
    {
        var school = await SchoolScenario.CreateAsync(app);

        var data = (await app.Client(school.StudentToken).SendAsync("{ subjects myEstablishment { currentSchoolYearStart } }")).Ok();

        Assert.Equal(["Mathématiques"], data["subjects"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(2026, data["myEstablishment"]!["currentSchoolYearStart"]!.GetValue<int>());
    }
}
