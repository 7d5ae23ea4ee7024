using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>More people around a <see cref="SchoolScenario"/>, registered through the API, for the agenda, feed and resource-bank tests.</summary>
internal static class AgendaPeople
{
    public static async Task<(Guid Id, string Token)> StaffAsync(AppFactory app, SchoolScenario school, Role role, string familyName = "Weber")
    {
        var id = SchoolScenario.IdOf((await app.Client(school.AdminToken).SendAsync(
            "mutation($i: RegisterStaffMemberInput!) { registerStaffMember(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { establishmentId = school.EstablishmentId, givenName = "Marc", familyName, role = Enum(role) } })).Ok()["registerStaffMember"]!["person"]);
        return (id, app.TokenFor(new Actor(id, role, school.EstablishmentId)));
    }

    public static async Task<(Guid Id, string Token)> TeacherOfAsync(AppFactory app, SchoolScenario school, Guid teachingUnitId, string subject, string familyName = "Keller")
    {
        var teacher = await StaffAsync(app, school, Role.Teacher, familyName);
        (await app.Client(school.AdminToken).SendAsync(
            "mutation($i: TeachingInput!) { assignTeaching(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { teacherId = teacher.Id, teachingUnitId, subject } })).Ok();
        return teacher;
    }

    public static async Task<(Guid Id, string Token)> GuardianOfStudentAsync(AppFactory app, SchoolScenario school)
    {
        var id = SchoolScenario.IdOf((await app.Client(school.AdminToken).SendAsync(
            "mutation($i: RegisterGuardianInput!) { registerGuardian(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { studentId = school.StudentId, givenName = "Sophie", familyName = "Schneider", rights = new { legalGuardian = true, mayJustifyAbsences = true, receivesSchoolLifeNotices = true } } })).Ok()["registerGuardian"]!["person"]);
        return (id, app.TokenFor(new Actor(id, Role.Guardian, school.EstablishmentId)));
    }

    public static async Task<Guid> ClassAsync(AppFactory app, SchoolScenario school, string name) =>
        SchoolScenario.IdOf((await app.Client(school.AdminToken).SendAsync(
            "mutation($i: CreateClassInput!) { createClass(input: $i) { schoolClass { id } userErrors { code message } } }",
            new { i = new { establishmentId = school.EstablishmentId, name } })).Ok()["createClass"]!["schoolClass"]);

    public static async Task<(Guid Id, string Token)> StudentInAsync(AppFactory app, SchoolScenario school, Guid classId)
    {
        var id = SchoolScenario.IdOf((await app.Client(school.AdminToken).SendAsync(
            "mutation($i: EnrollStudentInput!) { enrollStudent(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { classId, givenName = "Hugo", familyName = "Meyer" } })).Ok()["enrollStudent"]!["person"]);
        return (id, app.TokenFor(new Actor(id, Role.Student, school.EstablishmentId)));
    }

    public static async Task<Guid> GroupWithAsync(AppFactory app, SchoolScenario school, string name, params Guid[] students)
    {
        var admin = app.Client(school.AdminToken);
        var groupId = SchoolScenario.IdOf((await admin.SendAsync(
            "mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } userErrors { code message } } }",
            new { i = new { establishmentId = school.EstablishmentId, name } })).Ok()["createGroup"]!["group"]);
        foreach (var studentId in students)
            (await admin.SendAsync("mutation($i: GroupMembershipInput!) { addStudentToGroup(input: $i) { group { id } userErrors { code message } } }", new { i = new { groupId, studentId } })).Ok();
        return groupId;
    }

    /// <summary>GraphQL enum spelling of a C# enum value: SCHOOL_LIFE_OFFICE for SchoolLifeOffice.</summary>
    public static string Enum<T>(T value) where T : struct, System.Enum =>
        string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
