using System.Text;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;
using static MonBureau.Host.Tests.Infrastructure.AttendanceScenario;

namespace MonBureau.Host.Tests;

/// <summary>A guardian's justification with a scanned certificate: who opens it, and what is refused.</summary>
[Collection(AppHost.Name)]
public class AttendanceJustificationDocumentTests(AppFactory app)
{
    private const string Justify = "mutation($i: JustifyAbsenceInput!) { justifyAbsence(input: $i) { absence { id justification documents { fileId name contentType } } userErrors { code message } } }";
    private const string OpenFile = "query($id: ID!) { file(fileId: $id) { name contentBase64 } }";
    private const string Pending = "{ schoolLifeDashboard { pendingJustifications { id documents { fileId name } } } }";
    private const string Absences = "query($s: ID!) { studentAttendance(studentId: $s) { absences { id justification documents { fileId } } } }";

    private static readonly byte[] Certificate = Encoding.ASCII.GetBytes("%PDF-1.4\n% certificat médical\n");

    private static object Scan(string name, string contentType, byte[] content) => new { name, contentType, contentBase64 = Convert.ToBase64String(content) };

    private static object Justification(string absenceId, params object[] documents) =>
        new { i = new { absenceId, reasonCode = "MALADIE", explanation = "Léa avait de la fièvre.", documents } };

    private async Task<string> AbsenceAsync(AttendanceScenario s)
    {
        (await app.Client(s.School.TeacherToken).SendAsync(RollCallMutation, s.RollCall(Monday, 8, Absent(s.School.StudentId)))).Ok();
        return (await app.Client(s.CpeToken).SendAsync(Absences, new { s = s.School.StudentId })).Ok()["studentAttendance"]!["absences"]![0]!["id"]!.GetValue<string>();
    }

    private async Task<string> GuardianTokenAsync(AttendanceScenario s, Guid studentId)
    {
        var id = SchoolScenario.IdOf((await app.Client(s.School.AdminToken).SendAsync(
            "mutation($i: RegisterGuardianInput!) { registerGuardian(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { studentId, givenName = "Paul", familyName = "Martin", rights = new { legalGuardian = true, mayJustifyAbsences = true, receivesSchoolLifeNotices = true } } })).Ok()["registerGuardian"]!["person"]);
        return app.TokenFor(new Actor(id, Role.Guardian, s.School.EstablishmentId));
    }

    [Fact]
    public async Task A_scanned_certificate_opens_for_the_guardians_the_cpe_and_direction_and_for_no_teacher_or_other_family()
    {
        var s = await CreateAsync(app);
        var absenceId = await AbsenceAsync(s);
        var otherParent = await GuardianTokenAsync(s, s.School.StudentId);
        var classmateParent = await GuardianTokenAsync(s, s.ClassmateId);
        var direction = app.TokenFor(new Actor(Guid.CreateVersion7(), Role.Direction, s.School.EstablishmentId));
        var teacher = new Actor(s.School.TeacherId, Role.Teacher, s.School.EstablishmentId);

        var submitted = (await app.Client(s.GuardianToken).SendAsync(Justify, Justification(absenceId, Scan("certificat.pdf", "application/pdf", Certificate)))).Ok()["justifyAbsence"]!["absence"]!;
        var fileId = submitted["documents"]![0]!["fileId"]!.GetValue<string>();

        Assert.Equal(("certificat.pdf", "application/pdf"), (submitted["documents"]![0]!["name"]!.GetValue<string>(), submitted["documents"]![0]!["contentType"]!.GetValue<string>()));
        var pending = (await app.Client(s.CpeToken).SendAsync(Pending)).Ok()["schoolLifeDashboard"]!["pendingJustifications"]!.AsArray();
        Assert.Equal("certificat.pdf", pending.Single(p => p!["id"]!.GetValue<string>() == absenceId)!["documents"]![0]!["name"]!.GetValue<string>());
        foreach (var reader in new[] { s.GuardianToken, otherParent, s.CpeToken, direction })
            Assert.Equal(Certificate, Convert.FromBase64String((await app.Client(reader).SendAsync(OpenFile, new { id = fileId })).Ok()["file"]!["contentBase64"]!.GetValue<string>()));
        foreach (var stranger in new[] { app.TokenFor(teacher), classmateParent, s.School.StudentToken, (await SchoolScenario.CreateAsync(app)).AdminToken })
            Assert.Equal("FORBIDDEN", (await app.Client(stranger).SendAsync(OpenFile, new { id = fileId })).FirstErrorCode);

        Assert.Equal(1, await StoredFilesOfAsync(s.School.StudentId));
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var denied = (await session.Events.FetchStreamAsync(teacher.Id)).Select(e => e.Data).OfType<AccessDenied>();
        Assert.Contains(denied, d => d.Operation == "Query.file" && d.TargetId == Guid.Parse(fileId));
    }

    [Fact]
    public async Task A_document_that_is_not_a_pdf_or_image_or_one_too_many_refuses_the_whole_justification()
    {
        var s = await CreateAsync(app);
        var absenceId = await AbsenceAsync(s);
        var guardian = app.Client(s.GuardianToken);
        var certificate = Scan("certificat.pdf", "application/pdf", Certificate);

        var disguised = await guardian.SendAsync(Justify, Justification(absenceId, Scan("certificat.pdf", "application/pdf", [0x4D, 0x5A, 0x90, 0x00])));
        var text = await guardian.SendAsync(Justify, Justification(absenceId, Scan("mot.txt", "text/plain", Encoding.UTF8.GetBytes("Léa était malade."))));
        var tooMany = await guardian.SendAsync(Justify, Justification(absenceId, certificate, certificate, certificate));

        Assert.All([disguised, text, tooMany], r => Assert.Equal("VALIDATION", r.FirstErrorCode));
        var absence = (await app.Client(s.CpeToken).SendAsync(Absences, new { s = s.School.StudentId })).Ok()["studentAttendance"]!["absences"]![0]!;
        Assert.Equal("NONE", absence["justification"]!.GetValue<string>());
        Assert.Equal(0, await StoredFilesOfAsync(s.School.StudentId));
    }

    private async Task<long> StoredFilesOfAsync(Guid ownerId)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        return (await session.QueryAsync<long>($"select count(*) from {schema}.mb_files where owner_id = ?", ownerId)).Single();
    }
}
