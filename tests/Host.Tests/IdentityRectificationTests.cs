using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>A family asks for a misspelt name to be corrected (rectification, RGPD art. 16).</summary>
[Collection(AppHost.Name)]
public class IdentityRectificationTests(AppFactory app)
{
    private const string Rectify = "mutation($i: RectifyIdentityInput!) { rectifyIdentity(input: $i) { person { id } userErrors { code message } } }";
    private const string Me = "{ me { givenName familyName } }";

    [Fact]
    public async Task The_privacy_officer_corrects_a_student_s_name_and_the_student_sees_it_at_once()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var officer = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, school.EstablishmentId)));

        (await officer.SendAsync(Rectify, new { i = new { personId = school.StudentId, givenName = "Léa-Marie", familyName = "Schmitt-Kœnig" } })).Ok();

        var me = (await app.Client(school.StudentToken).SendAsync(Me)).Ok()["me"]!;
        Assert.Equal(("Léa-Marie", "Schmitt-Kœnig"), (me["givenName"]!.GetValue<string>(), me["familyName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Another_establishment_cannot_rename_a_student_and_a_blank_name_is_refused_with_nothing_changed()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var before = (await app.Client(school.StudentToken).SendAsync(Me)).Ok()["me"]!.ToJsonString();
        var elsewhere = await SchoolScenario.CreateAsync(app);
        var admin = app.Client(school.AdminToken);

        var stranger = await app.Client(elsewhere.AdminToken).SendAsync(Rectify, new { i = new { personId = school.StudentId, givenName = "X", familyName = "Y" } });
        var blank = await admin.SendAsync(Rectify, new { i = new { personId = school.StudentId, givenName = "Léa", familyName = "  " } });
        var teacher = await app.Client(school.TeacherToken).SendAsync(Rectify, new { i = new { personId = school.StudentId, givenName = "X", familyName = "Y" } });

        Assert.Equal("NOT_FOUND", stranger.FirstErrorCode);
        Assert.Equal("VALIDATION", blank.FirstErrorCode);
        Assert.Equal("FORBIDDEN", teacher.FirstErrorCode);
        Assert.Equal(before, (await app.Client(school.StudentToken).SendAsync(Me)).Ok()["me"]!.ToJsonString());
    }
}
