using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

[Collection(AppHost.Name)]
public class ConsentTests(AppFactory app)
{
    private const string Give = "mutation($s: ID!) { giveConsent(subjectId: $s, purpose: PHOTO_PUBLICATION) { consentStatuses { purpose given by } userErrors { code message } } }";
    private const string Withdraw = "mutation($s: ID!) { withdrawConsent(subjectId: $s, purpose: PHOTO_PUBLICATION) { consentStatuses { purpose given } userErrors { code message } } }";
    private const string State = "query($s: ID!, $at: DateTimeOffset) { consents(subjectId: $s, asOf: $at) { nodes { purpose given by } } }";

    private async Task<(Guid Id, string Token)> LegalGuardianAsync(SchoolScenario school)
    {
        var id = SchoolScenario.IdOf((await app.Client(school.AdminToken).SendAsync(
            "mutation($i: RegisterGuardianInput!) { registerGuardian(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { studentId = school.StudentId, givenName = "Sophie", familyName = "Schneider", rights = new { legalGuardian = true, mayJustifyAbsences = true, receivesSchoolLifeNotices = true } } })).Ok()["registerGuardian"]!["person"]);
        return (id, app.TokenFor(new Actor(id, Role.Guardian, school.EstablishmentId)));
    }

    private static bool PhotoConsent(System.Text.Json.Nodes.JsonNode consents) =>
        consents.AsArray().Single(c => c!["purpose"]!.GetValue<string>() == "PHOTO_PUBLICATION")!["given"]!.GetValue<bool>();

    [Fact]
    public async Task A_legal_guardian_consents_for_their_child_then_withdraws_and_the_past_state_stays_readable()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var (guardianId, token) = await LegalGuardianAsync(school);
        var guardian = app.Client(token);

        var given = (await guardian.SendAsync(Give, new { s = school.StudentId })).Ok();
        app.Clock.Advance(TimeSpan.FromDays(10));
        var whileGiven = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromDays(10));
        var withdrawn = (await guardian.SendAsync(Withdraw, new { s = school.StudentId })).Ok();
        var past = (await guardian.SendAsync(State, new { s = school.StudentId, at = whileGiven })).Ok();

        Assert.True(PhotoConsent(given["giveConsent"]!["consentStatuses"]!));
        Assert.Equal(guardianId.ToString(), given["giveConsent"]!["consentStatuses"]!.AsArray().First(c => c!["given"]!.GetValue<bool>())!["by"]!.GetValue<string>());
        Assert.False(PhotoConsent(withdrawn["withdrawConsent"]!["consentStatuses"]!));
        Assert.True(PhotoConsent(past["consents"]!["nodes"]!));
    }

    [Fact]
    public async Task A_minor_student_cannot_consent_alone_and_another_family_cannot_decide()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var other = await SchoolScenario.CreateAsync(app);
        var (_, otherGuardian) = await LegalGuardianAsync(other);

        Assert.Equal("FORBIDDEN", (await app.Client(school.StudentToken).SendAsync(Give, new { s = school.StudentId })).FirstErrorCode);
        Assert.Equal("FORBIDDEN", (await app.Client(otherGuardian).SendAsync(Give, new { s = school.StudentId })).FirstErrorCode);
        Assert.Equal("FORBIDDEN", (await app.Client(otherGuardian).SendAsync(State, new { s = school.StudentId })).FirstErrorCode);
    }

    [Fact]
    public async Task The_privacy_officer_reads_the_consents_of_the_establishment()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var officer = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, school.EstablishmentId)));

        var consents = (await officer.SendAsync(State, new { s = school.StudentId })).Ok()["consents"]!["nodes"]!.AsArray();

        Assert.All(consents, c => Assert.False(c!["given"]!.GetValue<bool>()));
    }
}
