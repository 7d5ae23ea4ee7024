using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>A canary user works, fails and signs in; nothing of their names, texts or secrets may reach the logs.</summary>
[Collection(AppHost.Name)]
public class NoPersonalDataInLogsTests(AppFactory app)
{
    [Fact]
    public async Task The_logs_never_contain_a_canary_user_s_personal_data_or_secrets()
    {
        var canary = $"Canari{Guid.NewGuid():N}"[..18];
        var password = $"Pw-{canary}-9!";
        var school = await SchoolScenario.CreateAsync(app, studentGivenName: canary + "Prenom", studentFamilyName: canary + "Nom");
        var admin = app.Client(school.AdminToken);

        // Failures make frameworks log the command that failed: each of these must log no personal data.
        await admin.SendAsync("mutation($i: EnrollStudentInput!) { enrollStudent(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { classId = Guid.NewGuid(), givenName = canary + "Prenom", familyName = canary + "Nom" } });
        await app.Client(school.TeacherToken).SendAsync("mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { homework { id } userErrors { code message } } }",
            new { i = new { classId = school.ClassId, subject = SchoolScenario.Subject, title = "t", instructions = canary + "Consigne", dueAt = app.Clock.GetUtcNow().AddDays(-1) } });
        var (login, code) = await Accounts.OpenAsync(app, school.AdminToken, school.StudentId);
        await app.Client().SendAsync("mutation($i: ActivateAccountInput!) { activateAccount(input: $i) { activationResult { secondFactorRequired } userErrors { code message } } }",
            new { i = new { login, activationCode = "WRONGCODE1", newPassword = password } });
        (await app.Client().SendAsync("mutation($i: ActivateAccountInput!) { activateAccount(input: $i) { activationResult { secondFactorRequired } userErrors { code message } } }",
            new { i = new { login, activationCode = code, newPassword = password } })).Ok();
        await Accounts.SignInAsync(app, login, password + "x");
        (await Accounts.SignInAsync(app, login, password)).Ok();

        Assert.Contains(app.Logs.Lines, line => line.Contains("failed", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(canary, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(login, StringComparison.OrdinalIgnoreCase));
    }
}
