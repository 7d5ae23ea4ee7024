using System.Globalization;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;

namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>A school (see <see cref="SchoolScenario"/>) with a second student in the class, a guardian of the first and a CPE.</summary>
public sealed record AttendanceScenario(SchoolScenario School, Guid ClassmateId, Guid GuardianId, string GuardianToken, string CpeToken)
{
    /// <summary>A Monday of the current school year that is behind the test clock whatever other tests did to it.</summary>
    public static readonly DateOnly Monday = new(2026, 10, 5);

    public const string RollCallMutation =
        "mutation($i: TakeRollCallInput!) { takeRollCall(input: $i) { rollCall { id lesson { date start part } marks { studentId presence lateMinutes } corrections { teacherId changes { studentId before { presence } after { presence lateMinutes } } } } userErrors { code message } } }";

    public const string Summary =
        "query($s: ID!) { studentAttendance(studentId: $s) { justifiedHalfDays unjustifiedHalfDays latenessCount lateMinutes absences { id justified justification explanation decisionComment reason { code } halfDays { date part } } latenesses { minutes } } }";

    public static async Task<AttendanceScenario> CreateAsync(AppFactory app, bool guardianMayJustify = true)
    {
        var school = await SchoolScenario.CreateAsync(app);
        var admin = app.Client(school.AdminToken);
        var classmateId = SchoolScenario.IdOf((await admin.SendAsync(
            "mutation($i: EnrollStudentInput!) { enrollStudent(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { classId = school.ClassId, givenName = "Hugo", familyName = "Roth" } })).Ok()["enrollStudent"]!["person"]);
        var guardianId = SchoolScenario.IdOf((await admin.SendAsync(
            "mutation($i: RegisterGuardianInput!) { registerGuardian(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { studentId = school.StudentId, givenName = "Sophie", familyName = "Schneider", rights = new { legalGuardian = true, mayJustifyAbsences = guardianMayJustify, receivesSchoolLifeNotices = true } } })).Ok()["registerGuardian"]!["person"]);
        return new AttendanceScenario(school, classmateId, guardianId,
            app.TokenFor(new Actor(guardianId, Role.Guardian, school.EstablishmentId)),
            app.TokenFor(new Actor(Guid.CreateVersion7(), Role.SchoolLifeOffice, school.EstablishmentId)));
    }

    /// <summary>The input of a roll call of the scenario's class and subject.</summary>
    public object RollCall(DateOnly date, int hour, params object[] marks) => new
    {
        i = new { teachingUnitId = School.ClassId, subject = SchoolScenario.Subject, date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), start = $"{hour:D2}:00:00", end = $"{hour + 1:D2}:00:00", marks },
    };

    public static object Absent(Guid studentId) => new { studentId, presence = "ABSENT" };

    public static object Late(Guid studentId, int minutes) => new { studentId, presence = "LATE", lateMinutes = minutes };
}
