using System.Net;
using System.Net.Http.Headers;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Certificates;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace MonBureau.Host.Tests;

/// <summary>The certificate of schooling: a real PDF, for the student and their guardians only, each issue recorded.</summary>
[Collection(AppHost.Name)]
public class CertificateTests(AppFactory app)
{
    private async Task<HttpResponseMessage> DownloadAsync(string? token, Guid studentId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/certificates/schooling/{studentId}");
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await app.CreateClient().SendAsync(request);
    }

    private async Task<string> GuardianOfAsync(SchoolScenario school)
    {
        var guardianId = SchoolScenario.IdOf((await app.Client(school.AdminToken).SendAsync(
            "mutation($i: RegisterGuardianInput!) { registerGuardian(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { studentId = school.StudentId, givenName = "Marc", familyName = "Weber", rights = new { legalGuardian = true, mayJustifyAbsences = true, receivesSchoolLifeNotices = true } } })).Ok()["registerGuardian"]!["person"]);
        return app.TokenFor(new Actor(guardianId, Role.Guardian, school.EstablishmentId));
    }

    private static string TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    private async Task<IReadOnlyList<SchoolingCertificateIssued>> IssuedForAsync(Guid studentId)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.QueryRawEventDataOnly<SchoolingCertificateIssued>().Where(e => e.StudentId == studentId).ToListAsync();
    }

    [Fact]
    public async Task A_guardian_downloads_their_child_s_certificate_as_a_pdf_naming_the_student_class_and_establishment()
    {
        var school = await SchoolScenario.CreateAsync(app, "Zoé", "Kessler");
        var guardian = await GuardianOfAsync(school);

        using var response = await DownloadAsync(guardian, school.StudentId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = TextOf(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("CERTIFICAT DE SCOLARITÉ", text, StringComparison.Ordinal);
        Assert.Contains("Zoé KESSLER", text, StringComparison.Ordinal);
        Assert.Contains("2nde 1", text, StringComparison.Ordinal);
        Assert.Contains("Lycée de test", text, StringComparison.Ordinal);
        Assert.Contains("Académie de Strasbourg", text, StringComparison.Ordinal);
        var issued = Assert.Single(await IssuedForAsync(school.StudentId));
        Assert.Equal((school.ClassId, Role.Guardian), (issued.ClassId, issued.IssuedToRole));
        var history = await app.Services.GetRequiredService<AccessHistory>().QueryAsync(
            new AccessQuery(school.StudentId, null, null, DataCategory.Identity, null, null, null, 10), CancellationToken.None);
        Assert.Contains(history.Entries, e => e.Record.Role == Role.Guardian && e.Record.Operation == "GET /certificates/schooling");
    }

    [Fact]
    public async Task A_student_downloads_their_own_certificate()
    {
        var school = await SchoolScenario.CreateAsync(app, "Nina", "Roth");

        using var response = await DownloadAsync(school.StudentToken, school.StudentId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nina ROTH", TextOf(await response.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_family_a_classmate_a_teacher_and_an_anonymous_caller_are_refused_and_nothing_is_issued()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var other = await SchoolScenario.CreateAsync(app);
        var otherGuardian = await GuardianOfAsync(other);

        using var byOtherGuardian = await DownloadAsync(otherGuardian, school.StudentId);
        using var byOtherStudent = await DownloadAsync(other.StudentToken, school.StudentId);
        using var byTeacher = await DownloadAsync(school.TeacherToken, school.StudentId);
        using var unknown = await DownloadAsync(otherGuardian, Guid.CreateVersion7());
        using var anonymous = await DownloadAsync(null, school.StudentId);

        Assert.All(new[] { byOtherGuardian, byOtherStudent, byTeacher, unknown }, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Contains("FORBIDDEN", await byOtherGuardian.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Empty(await IssuedForAsync(school.StudentId));
    }
}
