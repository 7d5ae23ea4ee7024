namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>A school (<see cref="SchoolScenario"/>) with the student's guardian, a CPE, a head of school, and a second class with its own teacher, student and guardian.</summary>
public sealed record FamilyScenario(
    SchoolScenario School, Guid GuardianId, string GuardianToken, Guid CpeId, string CpeToken, string DirectionToken,
    Guid OtherClassId, Guid OtherTeacherId, string OtherTeacherToken, Guid OtherGuardianId, string OtherGuardianToken)
{
    public static async Task<FamilyScenario> CreateAsync(AppFactory app)
    {
        var school = await SchoolScenario.CreateAsync(app);
        var admin = app.Client(school.AdminToken);
        var guardianId = await GuardianAsync(admin, school.StudentId, "Sophie", "Schneider");
        var cpeId = await StaffAsync(admin, school.EstablishmentId, "SCHOOL_LIFE_OFFICE", "Marc", "Weber");
        var directionId = await StaffAsync(admin, school.EstablishmentId, "DIRECTION", "Anne", "Rohmer");

        var otherClassId = SchoolScenario.IdOf((await admin.SendAsync(
            "mutation($i: CreateClassInput!) { createClass(input: $i) { schoolClass { id } userErrors { code message } } }",
            new { i = new { establishmentId = school.EstablishmentId, name = "1ère 2" } })).Ok()["createClass"]!["schoolClass"]);
        var otherTeacherId = await StaffAsync(admin, school.EstablishmentId, "TEACHER", "Paul", "Klein");
        (await admin.SendAsync(
            "mutation($i: TeachingInput!) { assignTeaching(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { teacherId = otherTeacherId, teachingUnitId = otherClassId, subject = "Histoire-géographie" } })).Ok();
        var otherStudentId = SchoolScenario.IdOf((await admin.SendAsync(
            "mutation($i: EnrollStudentInput!) { enrollStudent(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { classId = otherClassId, givenName = "Hugo", familyName = "Meyer" } })).Ok()["enrollStudent"]!["person"]);
        var otherGuardianId = await GuardianAsync(admin, otherStudentId, "Julie", "Meyer");

        string Token(Guid id, Domain.Common.Role role) => app.TokenFor(new Application.Auditing.Actor(id, role, school.EstablishmentId));
        return new FamilyScenario(
            school, guardianId, Token(guardianId, Domain.Common.Role.Guardian), cpeId, Token(cpeId, Domain.Common.Role.SchoolLifeOffice),
            Token(directionId, Domain.Common.Role.Direction), otherClassId, otherTeacherId, Token(otherTeacherId, Domain.Common.Role.Teacher),
            otherGuardianId, Token(otherGuardianId, Domain.Common.Role.Guardian));
    }

    private static async Task<Guid> GuardianAsync(GraphQLClient admin, Guid studentId, string givenName, string familyName) =>
        SchoolScenario.IdOf((await admin.SendAsync(
            "mutation($i: RegisterGuardianInput!) { registerGuardian(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { studentId, givenName, familyName, rights = new { legalGuardian = true, mayJustifyAbsences = true, receivesSchoolLifeNotices = true } } })).Ok()["registerGuardian"]!["person"]);

    private static async Task<Guid> StaffAsync(GraphQLClient admin, Guid establishmentId, string role, string givenName, string familyName) =>
        SchoolScenario.IdOf((await admin.SendAsync(
            "mutation($i: RegisterStaffMemberInput!) { registerStaffMember(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { establishmentId, role, givenName, familyName } })).Ok()["registerStaffMember"]!["person"]);
}
