using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;

namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>The people of a teaching day around a <see cref="SchoolScenario"/>: a guardian, a classmate, a colleague and direction.</summary>
public sealed record TeachingDay(SchoolScenario School, string GuardianToken, Guid ClassmateId, string ClassmateToken, string ColleagueToken, string DirectionToken)
{
    public static async Task<TeachingDay> CreateAsync(AppFactory app)
    {
        var school = await SchoolScenario.CreateAsync(app);
        var admin = app.Client(school.AdminToken);
        var guardianId = SchoolScenario.IdOf((await admin.SendAsync(
            "mutation($i: RegisterGuardianInput!) { registerGuardian(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { studentId = school.StudentId, givenName = "Sophie", familyName = "Schneider", rights = new { legalGuardian = true, mayJustifyAbsences = true, receivesSchoolLifeNotices = true } } })).Ok()["registerGuardian"]!["person"]);
        var classmateId = SchoolScenario.IdOf((await admin.SendAsync(
            "mutation($i: EnrollStudentInput!) { enrollStudent(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { classId = school.ClassId, givenName = "Hugo", familyName = "Roth" } })).Ok()["enrollStudent"]!["person"]);
        var colleagueId = SchoolScenario.IdOf((await admin.SendAsync(
            "mutation($i: RegisterTeacherInput!) { registerTeacher(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { establishmentId = school.EstablishmentId, givenName = "Paul", familyName = "Klein" } })).Ok()["registerTeacher"]!["person"]);
        return new TeachingDay(
            school,
            app.TokenFor(new Actor(guardianId, Role.Guardian, school.EstablishmentId)),
            classmateId,
            app.TokenFor(new Actor(classmateId, Role.Student, school.EstablishmentId)),
            app.TokenFor(new Actor(colleagueId, Role.Teacher, school.EstablishmentId)),
            app.TokenFor(new Actor(Guid.CreateVersion7(), Role.Direction, school.EstablishmentId)));
    }
}
