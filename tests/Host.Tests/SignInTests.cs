using Marten;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Identity;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

[Collection(AppHost.Name)]
public class SignInTests(AppFactory app)
{
    private const string Renew = "mutation($t: String!) { renewSession(refreshToken: $t) { sessionTokens { accessToken refreshToken } userErrors { code message } } }";

    [Fact]
    public async Task A_student_activates_the_account_signs_in_and_reads_their_own_data_with_the_token()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var (login, _) = await Accounts.ReadyAsync(app, school.AdminToken, school.StudentId);

        var session = (await Accounts.SignInAsync(app, login)).Ok()["signIn"]!["sessionTokens"]!;
        var me = (await app.Client(session["accessToken"]!.GetValue<string>()).SendAsync("{ me { id givenName } }")).Ok()["me"]!;

        Assert.Equal("lea.schneider", login[..13]);
        Assert.Equal("STUDENT", session["profile"]!["role"]!.GetValue<string>());
        Assert.Equal(school.StudentId.ToString(), me["id"]!.GetValue<string>());
        Assert.Equal("Léa", me["givenName"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_login_get_the_same_answer()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var (login, _) = await Accounts.ReadyAsync(app, school.AdminToken, school.StudentId);

        var wrong = await Accounts.SignInAsync(app, login, "Not-the-password-1");
        var unknown = await Accounts.SignInAsync(app, "nobody.here", "Not-the-password-1");

        Assert.Equal("INVALID_CREDENTIALS", wrong.FirstErrorCode);
        Assert.Equal(wrong.FirstErrorMessage, unknown.FirstErrorMessage);
        Assert.Equal(unknown.FirstErrorCode, wrong.FirstErrorCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_a_minute_then_the_right_one_works_again()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var (login, _) = await Accounts.ReadyAsync(app, school.AdminToken, school.StudentId);
        for (var attempt = 0; attempt < SignInDecisions.FailuresBeforeLockout; attempt++)
            Assert.Equal("INVALID_CREDENTIALS", (await Accounts.SignInAsync(app, login, "Not-the-password-1")).FirstErrorCode);

        var locked = await Accounts.SignInAsync(app, login);
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        var afterwards = await Accounts.SignInAsync(app, login);

        Assert.Equal("ACCOUNT_LOCKED", locked.FirstErrorCode);
        Assert.NotNull(locked.FirstErrorExtension("retryAfter"));
        afterwards.Ok();
    }

    [Fact]
    public async Task A_CPE_must_set_up_and_then_use_an_authenticator_app()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var cpeId = SchoolScenario.IdOf((await app.Client(school.AdminToken).SendAsync(
            "mutation($i: RegisterStaffMemberInput!) { registerStaffMember(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { establishmentId = school.EstablishmentId, role = "SCHOOL_LIFE_OFFICE", givenName = "Karim", familyName = "Benali" } })).Ok()["registerStaffMember"]!["person"]);
        var (login, secret) = await Accounts.ReadyAsync(app, school.AdminToken, cpeId);

        var withoutCode = await Accounts.SignInAsync(app, login);
        var wrongCode = await Accounts.SignInAsync(app, login, totpCode: "000000");
        var code = Accounts.NextCode(app, secret!);
        var withCode = await Accounts.SignInAsync(app, login, totpCode: code);
        var replayed = await Accounts.SignInAsync(app, login, totpCode: code);

        Assert.Equal("SECOND_FACTOR_REQUIRED", withoutCode.FirstErrorCode);
        Assert.Equal("INVALID_CREDENTIALS", wrongCode.FirstErrorCode);
        Assert.Equal("SCHOOL_LIFE_OFFICE", withCode.Ok()["signIn"]!["sessionTokens"]!["profile"]!["role"]!.GetValue<string>());
        Assert.Equal("INVALID_CREDENTIALS", replayed.FirstErrorCode);
    }

    [Fact]
    public async Task A_staff_account_without_its_authenticator_cannot_sign_in()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var directorId = SchoolScenario.IdOf((await app.Client(school.AdminToken).SendAsync(
            "mutation($i: RegisterStaffMemberInput!) { registerStaffMember(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { establishmentId = school.EstablishmentId, role = "DIRECTION", givenName = "Anne", familyName = "Weber" } })).Ok()["registerStaffMember"]!["person"]);
        var (login, code) = await Accounts.OpenAsync(app, school.AdminToken, directorId);
        (await app.Client().SendAsync(
            "mutation($i: ActivateAccountInput!) { activateAccount(input: $i) { activationResult { secondFactorRequired } userErrors { code message } } }",
            new { i = new { login, activationCode = code, newPassword = Accounts.Password } })).Ok();

        Assert.Equal("SECOND_FACTOR_ENROLLMENT_REQUIRED", (await Accounts.SignInAsync(app, login)).FirstErrorCode);
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_replaying_it_ends_every_session()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var (login, _) = await Accounts.ReadyAsync(app, school.AdminToken, school.StudentId);
        var first = (await Accounts.SignInAsync(app, login)).Ok()["signIn"]!["sessionTokens"]!["refreshToken"]!.GetValue<string>();

        var second = (await app.Client().SendAsync(Renew, new { t = first })).Ok()["renewSession"]!["sessionTokens"]!["refreshToken"]!.GetValue<string>();
        var replay = await app.Client().SendAsync(Renew, new { t = first });
        var afterTheft = await app.Client().SendAsync(Renew, new { t = second });

        Assert.Equal("INVALID_CREDENTIALS", replay.FirstErrorCode);
        Assert.Equal("INVALID_CREDENTIALS", afterTheft.FirstErrorCode);
    }

    [Fact]
    public async Task Signing_out_revokes_the_refresh_token()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var (login, _) = await Accounts.ReadyAsync(app, school.AdminToken, school.StudentId);
        var refresh = (await Accounts.SignInAsync(app, login)).Ok()["signIn"]!["sessionTokens"]!["refreshToken"]!.GetValue<string>();

        (await app.Client().SendAsync("mutation($t: String!) { signOut(refreshToken: $t) { done userErrors { code message } } }", new { t = refresh })).Ok();

        Assert.Equal("INVALID_CREDENTIALS", (await app.Client().SendAsync(Renew, new { t = refresh })).FirstErrorCode);
    }

    [Fact]
    public async Task A_password_reset_by_staff_stops_the_old_password()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var (login, _) = await Accounts.ReadyAsync(app, school.AdminToken, school.StudentId);

        var reset = (await app.Client(school.AdminToken).SendAsync(
            "mutation($p: ID!) { resetPassword(personId: $p) { accountCode { login activationCode } userErrors { code message } } }", new { p = school.StudentId })).Ok()["resetPassword"]!["accountCode"]!;

        Assert.Equal(login, reset["login"]!.GetValue<string>());
        Assert.Equal("INVALID_CREDENTIALS", (await Accounts.SignInAsync(app, login)).FirstErrorCode);
    }

    [Fact]
    public async Task Every_sign_in_success_and_failure_is_an_event_of_the_person()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var (login, _) = await Accounts.ReadyAsync(app, school.AdminToken, school.StudentId);
        await Accounts.SignInAsync(app, login, "Not-the-password-1");
        (await Accounts.SignInAsync(app, login)).Ok();

        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = (await session.Events.FetchStreamAsync(school.StudentId)).Where(e => e.Data is SignInFailed or SignInSucceeded).ToList();

        Assert.Collection(events,
            failed => Assert.Equal(new SignInFailed(school.StudentId, SignInFailure.WrongPassword, 1), failed.Data),
            succeeded => Assert.Equal(new SignInSucceeded(school.StudentId, MonBureau.Domain.Common.Role.Student, school.EstablishmentId, false), succeeded.Data));
        Assert.All(events, e => Assert.Equal("authentication", e.Headers![AuditHeaders.SystemJob].ToString()));
    }

    [Fact]
    public async Task A_guardian_of_children_in_two_establishments_has_one_identity_and_picks_the_profile()
    {
        var first = await SchoolScenario.CreateAsync(app);
        var second = await SchoolScenario.CreateAsync(app);
        var rights = new { legalGuardian = true, mayJustifyAbsences = true, receivesSchoolLifeNotices = true };
        var guardianId = SchoolScenario.IdOf((await app.Client(first.AdminToken).SendAsync(
            "mutation($i: RegisterGuardianInput!) { registerGuardian(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { studentId = first.StudentId, givenName = "Sophie", familyName = "Schneider", rights } })).Ok()["registerGuardian"]!["person"]);
        (await app.Client(second.AdminToken).SendAsync(
            "mutation($i: LinkGuardianInput!) { linkGuardian(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { studentId = second.StudentId, guardianId, rights } })).Ok();
        var (login, _) = await Accounts.ReadyAsync(app, first.AdminToken, guardianId);

        var signedIn = (await Accounts.SignInAsync(app, login, role: "GUARDIAN", establishmentId: second.EstablishmentId)).Ok()["signIn"]!["sessionTokens"]!;
        var me = (await app.Client(signedIn["accessToken"]!.GetValue<string>()).SendAsync("{ me { children { studentId } } }")).Ok()["me"]!;

        Assert.Equal(2, signedIn["profiles"]!.AsArray().Count);
        Assert.Equal(second.EstablishmentId.ToString(), signedIn["profile"]!["establishmentId"]!.GetValue<string>());
        Assert.Equal(2, me["children"]!.AsArray().Count);
    }
}
