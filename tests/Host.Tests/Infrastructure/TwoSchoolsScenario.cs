namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>
/// Two establishments with a week's usual activity, built through the API (homework, an absence, a punishment, a message),
/// and one parent whose children are in both: the legitimate way a person crosses the tenant boundary.
/// </summary>
public sealed record TwoSchoolsScenario(FamilyScenario First, FamilyScenario Second, Guid SharedGuardianId)
{
    public static async Task<TwoSchoolsScenario> CreateAsync(AppFactory app)
    {
        var first = await FamilyScenario.CreateAsync(app);
        var second = await FamilyScenario.CreateAsync(app);
        foreach (var family in new[] { first, second })
            await UsualActivityAsync(app, family);

        // The first school's guardian also has a child in the second school: one identity, linked by the second school.
        (await app.Client(second.School.AdminToken).SendAsync("mutation($i: LinkGuardianInput!) { linkGuardian(input: $i) { person { id } userErrors { code message } } }", new
        {
            i = new { guardianId = first.GuardianId, studentId = second.School.StudentId, rights = new { legalGuardian = true, mayJustifyAbsences = true, receivesSchoolLifeNotices = true } },
        })).Ok();
        return new TwoSchoolsScenario(first, second, first.GuardianId);
    }

    private static async Task UsualActivityAsync(AppFactory app, FamilyScenario family)
    {
        var school = family.School;
        var teacher = app.Client(school.TeacherToken);
        (await teacher.SendAsync("mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { homework { id } userErrors { code message } } }", new
        {
            i = new { classId = school.ClassId, subject = SchoolScenario.Subject, title = "Fonctions affines", instructions = "Exercices 12 à 15.", dueAt = app.Clock.GetUtcNow().AddDays(7) },
        })).Ok();
        (await teacher.SendAsync("mutation($i: GivePunishmentInput!) { givePunishment(input: $i) { punishment { id } userErrors { code message } } }", new
        {
            i = new { studentId = school.StudentId, kind = "OBSERVATION", facts = "Travail non fait." },
        })).Ok();
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (await app.Client(family.CpeToken).SendAsync("mutation($i: RecordAbsenceInput!) { recordAbsence(input: $i) { absence { id } userErrors { code message } } }", new
        {
            i = new { studentId = school.StudentId, from = today },
        })).Ok();
        (await app.Client(family.GuardianToken).SendAsync("mutation($i: SendMessageInput!) { sendMessage(input: $i) { messageThread { id } userErrors { code message } } }", new
        {
            i = new { subject = "Devoirs", body = "Bonjour, une question sur les exercices.", recipients = new[] { new { kind = "PERSON", id = school.TeacherId } } },
        })).Ok();
    }
}
