using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Application.Auditing;
using MonBureau.Application.Privacy;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

[Collection(AppHost.Name)]
public class PersonalDataErasureTests(AppFactory app)
{
    private const string Me = "{ me { givenName familyName } }";

    [Fact]
    public async Task A_teacher_who_wrote_the_lesson_log_cannot_be_erased_while_it_is_kept_and_is_told_until_when()
    {
        var school = await SchoolScenario.CreateAsync(app);
        (await app.Client(school.TeacherToken).SendAsync(
            "mutation($i: WriteLessonLogEntryInput!) { writeLessonLogEntry(input: $i) { lessonLogEntry { id } userErrors { code message } } }",
            new { i = new { teachingUnitId = school.ClassId, subject = SchoolScenario.Subject, lessonDate = "2026-11-16", title = "Fractions", content = "Addition de fractions." } })).Ok();
        var officer = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, school.EstablishmentId)));

        var refused = await officer.SendAsync(
            "mutation($i: ForgetDataSubjectInput!) { forgetDataSubject(input: $i) { forgottenAt userErrors { code message } } }",
            new { i = new { subjectId = school.TeacherId, ground = "DATA_SUBJECT_REQUEST" } });

        Assert.Equal("ERASURE_REFUSED", refused.FirstErrorCode);
        Assert.Contains("lesson log", refused.FirstErrorMessage, StringComparison.Ordinal);
        // The end of the entry's school year (2026-2027) plus the register's 1,825 days.
        Assert.Contains(new DateOnly(2027, 8, 31).AddDays(1825).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), refused.FirstErrorMessage, StringComparison.Ordinal);
        Assert.NotNull((await app.Client(school.TeacherToken).SendAsync(Me)).Ok()["me"]!["familyName"]);
    }

    [Fact]
    public async Task A_forgotten_student_s_canary_name_is_nowhere_in_the_database_and_no_longer_readable()
    {
        var canary = $"Canary{Guid.NewGuid():N}";
        var school = await SchoolScenario.CreateAsync(app, studentGivenName: "Zéphyrine", studentFamilyName: canary);
        var student = app.Client(school.StudentToken);
        Assert.Equal(canary, (await student.SendAsync(Me)).Ok()["me"]!["familyName"]!.GetValue<string>());

        // Control: the sealed copies really hold the canary while the key exists, so the scan below can fail.
        var sealedCopies = await DatabaseScan.SealedValuesOfAsync(app.ConnectionString, school.StudentId);
        Assert.Contains(sealedCopies, copy => Unseal(copy) == canary);

        var privacyOfficer = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, school.EstablishmentId)));
        (await privacyOfficer.SendAsync(
            "mutation($i: ForgetDataSubjectInput!) { forgetDataSubject(input: $i) { forgottenAt userErrors { code message } } }",
            new { i = new { subjectId = school.StudentId, ground = "DATA_SUBJECT_REQUEST" } })).Ok();

        var after = (await student.SendAsync(Me)).Ok()["me"]!;
        Assert.Null(after["givenName"]);
        Assert.Null(after["familyName"]);
        Assert.All(await DatabaseScan.SealedValuesOfAsync(app.ConnectionString, school.StudentId), copy => Assert.Null(Unseal(copy)));
        Assert.True(await DatabaseScan.TableCountAsync(app.ConnectionString) > 10, "the scan must cover the event store, documents and keys");
        foreach (var encoding in Encodings(canary))
            Assert.Empty(await DatabaseScan.TablesContainingAsync(app.ConnectionString, encoding));
    }

    [Fact]
    public async Task No_new_personal_data_can_be_written_for_a_forgotten_subject()
    {
        var keys = app.Services.GetRequiredService<SubjectKeyRing>();
        var subject = Guid.CreateVersion7();
        await keys.ForgetAsync(subject, CancellationToken.None);

        var error = Assert.Throws<BusinessRuleException>(() => keys.KeyForWriting(subject));

        Assert.Equal(ErrorCodes.SubjectForgotten, error.Code);
    }

    [Fact]
    public async Task Only_the_privacy_officer_may_forget_a_person()
    {
        var school = await SchoolScenario.CreateAsync(app);

        var response = await app.Client(school.AdminToken).SendAsync(
            "mutation($i: ForgetDataSubjectInput!) { forgetDataSubject(input: $i) { forgottenAt userErrors { code message } } }",
            new { i = new { subjectId = school.StudentId, ground = "DATA_SUBJECT_REQUEST" } });

        Assert.Equal("FORBIDDEN", response.FirstErrorCode);
        Assert.Equal("Léa", (await app.Client(school.StudentToken).SendAsync(Me)).Ok()["me"]!["givenName"]!.GetValue<string>());
    }

    private JsonSerializerOptions? _sealing;

    /// <summary>Opens a sealed copy exactly as the application would, with the application's own keys.</summary>
    private string? Unseal(string sealedJson)
    {
        _sealing ??= new JsonSerializerOptions { Converters = { new PersonalDataJsonConverter(app.Services.GetRequiredService<SubjectKeyRing>()) } };
        return JsonSerializer.Deserialize<PersonalData>(sealedJson, _sealing)!.Value;
    }

    private static IEnumerable<string> Encodings(string canary)
    {
        var bytes = Encoding.UTF8.GetBytes(canary);
        yield return canary;
        yield return Convert.ToHexStringLower(bytes);
        yield return Convert.ToBase64String(bytes).TrimEnd('=')[..^2];
    }
}
