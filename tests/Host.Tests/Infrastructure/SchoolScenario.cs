using System.Globalization;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;

namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>A fresh establishment with a class, a teacher and a student, built through the API as a region would.</summary>
public sealed record SchoolScenario(
    Guid EstablishmentId, Guid ClassId, Guid TeacherId, Guid StudentId, string AdminToken, string TeacherToken, string StudentToken)
{
    /// <summary>What the scenario's teacher teaches to the scenario's class.</summary>
    public const string Subject = "Mathématiques";

    public static Task<SchoolScenario> CreateAsync(AppFactory app, string studentGivenName = "Léa", string studentFamilyName = "Schneider") =>
        CreateAsync(app.Client, app.TokenFor, studentGivenName, studentFamilyName);

    /// <summary>The same school on any host: <paramref name="client"/> opens a client with a token, <paramref name="tokenFor"/> signs one.</summary>
    public static async Task<SchoolScenario> CreateAsync(
        Func<string?, GraphQLClient> client, Func<Actor, string> tokenFor, string studentGivenName = "Léa", string studentFamilyName = "Schneider")
    {
        var uai = $"{Random.Shared.Next(0, 10_000_000):D7}{(char)('A' + Random.Shared.Next(26))}";
        var region = client(tokenFor(new Actor(Guid.CreateVersion7(), Role.RegionAdministrator, null)));
        var establishmentId = IdOf((await region.SendAsync(
            "mutation($i: OpenEstablishmentInput!) { openEstablishment(input: $i) { establishment { id } userErrors { code message } } }",
            new { i = new { uai, name = "Lycée de test", academy = "Strasbourg" } })).Ok()["openEstablishment"]!["establishment"]);

        var adminToken = tokenFor(new Actor(Guid.CreateVersion7(), Role.EstablishmentAdministrator, establishmentId));
        var admin = client(adminToken);
        var classId = IdOf((await admin.SendAsync(
            "mutation($i: CreateClassInput!) { createClass(input: $i) { schoolClass { id } userErrors { code message } } }",
            new { i = new { establishmentId, name = "2nde 1" } })).Ok()["createClass"]!["schoolClass"]);
        var teacherId = IdOf((await admin.SendAsync(
            "mutation($i: RegisterTeacherInput!) { registerTeacher(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { establishmentId, givenName = "Claire", familyName = "Muller" } })).Ok()["registerTeacher"]!["person"]);
        (await admin.SendAsync(
            "mutation($i: TeachingInput!) { assignTeaching(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { teacherId, teachingUnitId = classId, subject = Subject } })).Ok();
        var studentId = IdOf((await admin.SendAsync(
            "mutation($i: EnrollStudentInput!) { enrollStudent(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { classId, givenName = studentGivenName, familyName = studentFamilyName } })).Ok()["enrollStudent"]!["person"]);

        return new SchoolScenario(establishmentId, classId, teacherId, studentId, adminToken,
            tokenFor(new Actor(teacherId, Role.Teacher, establishmentId)),
            tokenFor(new Actor(studentId, Role.Student, establishmentId)));
    }

    public static Guid IdOf(System.Text.Json.Nodes.JsonNode? node) =>
        Guid.Parse(node!["id"]!.GetValue<string>(), CultureInfo.InvariantCulture);
}
