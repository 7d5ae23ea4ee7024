using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>
/// A person of each profile gets an account, signs in through the real flow (with an authenticator where required)
/// and, with the tokens they got, can use what their profile allows and nothing else.
/// </summary>
[Collection(AppHost.Name)]
public class EveryProfileSignInTests(AppFactory app)
{
    private async Task<string> SignedInTokenAsync(string staffToken, Guid personId, string role, Guid? establishmentId)
    {
        var (login, secret) = await Accounts.ReadyAsync(app, staffToken, personId);
        var code = secret is null ? null : Accounts.NextCode(app, secret);
        var session = (await Accounts.SignInAsync(app, login, totpCode: code, role: role, establishmentId: establishmentId)).Ok()["signIn"]!["sessionTokens"]!;
        Assert.Equal(role, session["profile"]!["role"]!.GetValue<string>());
        return session["accessToken"]!.GetValue<string>();
    }

    private async Task<Guid> StaffAsync(SchoolScenario school, string role) =>
        SchoolScenario.IdOf((await app.Client(school.AdminToken).SendAsync(
            "mutation($i: RegisterStaffMemberInput!) { registerStaffMember(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { establishmentId = school.EstablishmentId, role, givenName = "Agent", familyName = role.ToLowerInvariant() } })).Ok()["registerStaffMember"]!["person"]);

    private async Task AssertAllowedAsync(string token, string query, bool allowed)
    {
        var response = await app.Client(token).SendAsync(query);
        if (allowed)
            response.Ok();
        else
            Assert.Equal("FORBIDDEN", response.FirstErrorCode);
    }

    [Theory]
    [InlineData("SCHOOL_LIFE_OFFICE", true)]
    [InlineData("DIRECTION", true)]
    [InlineData("ESTABLISHMENT_ADMINISTRATOR", true)]
    [InlineData("PRIVACY_OFFICER", false)]
    [InlineData("TEACHER", true)]
    public async Task A_staff_member_signs_in_and_sees_what_the_profile_allows(string role, bool mayListClasses)
    {
        var school = await SchoolScenario.CreateAsync(app);
        var token = await SignedInTokenAsync(school.AdminToken, await StaffAsync(school, role), role, school.EstablishmentId);

        await AssertAllowedAsync(token, "{ me { id } }", allowed: true);
        await AssertAllowedAsync(token, "{ classes { nodes { id } } }", mayListClasses);
        await AssertAllowedAsync(token, "{ myHomework { nodes { id } } }", allowed: false);
    }

    [Fact]
    public async Task A_student_and_a_guardian_sign_in_and_see_their_own_family_only()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var guardianId = SchoolScenario.IdOf((await app.Client(school.AdminToken).SendAsync(
            "mutation($i: RegisterGuardianInput!) { registerGuardian(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { studentId = school.StudentId, givenName = "Sophie", familyName = "Schneider", rights = new { legalGuardian = true, mayJustifyAbsences = true, receivesSchoolLifeNotices = true } } })).Ok()["registerGuardian"]!["person"]);

        var student = await SignedInTokenAsync(school.AdminToken, school.StudentId, "STUDENT", school.EstablishmentId);
        var guardian = await SignedInTokenAsync(school.AdminToken, guardianId, "GUARDIAN", school.EstablishmentId);

        await AssertAllowedAsync(student, "{ myHomework { nodes { id } } }", allowed: true);
        await AssertAllowedAsync(student, "{ classes { nodes { id } } }", allowed: false);
        await AssertAllowedAsync(guardian, $"{{ person(id: \"{school.StudentId}\") {{ givenName }} }}", allowed: true);
        await AssertAllowedAsync(guardian, $"{{ person(id: \"{school.TeacherId}\") {{ givenName }} }}", allowed: false);
    }

    [Fact]
    public async Task A_region_administrator_signs_in_with_an_authenticator_and_opens_establishments()
    {
        var bootstrap = app.TokenFor(new Actor(Guid.CreateVersion7(), Role.RegionAdministrator, null));
        var personId = SchoolScenario.IdOf((await app.Client(bootstrap).SendAsync(
            "mutation { registerRegionAdministrator(givenName: \"Marie\", familyName: \"Rectorat\") { person { id } userErrors { code message } } }")).Ok()["registerRegionAdministrator"]!["person"]);

        var token = await SignedInTokenAsync(bootstrap, personId, "REGION_ADMINISTRATOR", null);

        var uai = $"{Random.Shared.Next(0, 10_000_000):D7}R";
        (await app.Client(token).SendAsync(
            "mutation($i: OpenEstablishmentInput!) { openEstablishment(input: $i) { establishment { id } userErrors { code message } } }",
            new { i = new { uai, name = "Lycée Marie Curie", academy = "Strasbourg" } })).Ok();
        await AssertAllowedAsync(token, "{ classes { nodes { id } } }", allowed: false);
    }
}
