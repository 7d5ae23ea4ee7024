using Marten;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;
using MonBureau.Projections.Discipline;

namespace MonBureau.Host.Tests;

/// <summary>Punishments and sanctions through GraphQL: who decides, who sees them, and that refusals write nothing.</summary>
[Collection(AppHost.Name)]
public class DisciplineTests(AppFactory app)
{
    private const string Pronounce = "mutation($i: PronounceSanctionInput!) { pronounceSanction(input: $i) { sanction { id kind facts decidedOn erasedOn exclusionDays } userErrors { code message } } }";
    private const string Punish = "mutation($i: GivePunishmentInput!) { givePunishment(input: $i) { punishment { id kind facts givenAs } userErrors { code message } } }";
    private const string Sanctions = "query($id: ID!) { studentSanctions(studentId: $id) { nodes { id kind facts } } }";
    private const string Punishments = "query($id: ID!) { studentPunishments(studentId: $id) { nodes { id kind facts } } }";

    private string Direction(SchoolScenario school) => app.TokenFor(new Actor(Guid.CreateVersion7(), Role.Direction, school.EstablishmentId));

    private string SchoolLifeOffice(SchoolScenario school) => app.TokenFor(new Actor(Guid.CreateVersion7(), Role.SchoolLifeOffice, school.EstablishmentId));

    private async Task<string> GuardianOfAsync(SchoolScenario school)
    {
        var guardianId = SchoolScenario.IdOf((await app.Client(school.AdminToken).SendAsync(
            "mutation($i: RegisterGuardianInput!) { registerGuardian(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { studentId = school.StudentId, givenName = "Sophie", familyName = "Schneider", rights = new { legalGuardian = true, mayJustifyAbsences = true, receivesSchoolLifeNotices = true } } })).Ok()["registerGuardian"]!["person"]);
        return app.TokenFor(new Actor(guardianId, Role.Guardian, school.EstablishmentId));
    }

    private async Task<string> OtherTeacherAsync(SchoolScenario school)
    {
        var teacherId = SchoolScenario.IdOf((await app.Client(school.AdminToken).SendAsync(
            "mutation($i: RegisterTeacherInput!) { registerTeacher(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { establishmentId = school.EstablishmentId, givenName = "Paul", familyName = "Kieffer" } })).Ok()["registerTeacher"]!["person"]);
        return app.TokenFor(new Actor(teacherId, Role.Teacher, school.EstablishmentId));
    }

    // The shared clock only moves forward (other tests cross school years), so expected dates are computed from it,
    // on the establishment's (Paris) calendar.
    private string LastDayOfSchoolYear(int yearsAfter)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);
        return new SchoolYear(SchoolYear.Containing(today).StartYear + yearsAfter).LastDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<int> SanctionCountAsync(Guid studentId)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Query<SanctionDetails>().CountAsync(s => s.StudentId == studentId);
    }

    [Fact]
    public async Task A_sanction_is_seen_by_the_student_their_guardian_the_school_life_office_and_direction_only()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var other = await SchoolScenario.CreateAsync(app);
        var guardian = await GuardianOfAsync(school);
        var otherGuardian = await GuardianOfAsync(other);
        var otherTeacher = await OtherTeacherAsync(school);
        var direction = Direction(school);

        var sanction = (await app.Client(direction).SendAsync(Pronounce, new { i = new { studentId = school.StudentId, kind = "REPRIMAND", facts = "Dégradation du matériel du CDI." } })).Ok()["pronounceSanction"]!["sanction"]!;

        Assert.Equal("REPRIMAND", sanction["kind"]!.GetValue<string>());
        Assert.Equal(LastDayOfSchoolYear(yearsAfter: 1), sanction["erasedOn"]!.GetValue<string>());
        foreach (var reader in new[] { school.StudentToken, guardian, SchoolLifeOffice(school), direction })
            Assert.Equal("Dégradation du matériel du CDI.", Assert.Single((await app.Client(reader).SendAsync(Sanctions, new { id = school.StudentId })).Ok()["studentSanctions"]!["nodes"]!.AsArray())!["facts"]!.GetValue<string>());
        foreach (var outsider in new[] { school.TeacherToken, otherTeacher, other.StudentToken, otherGuardian, school.AdminToken, SchoolLifeOffice(other) })
            Assert.Equal("FORBIDDEN", (await app.Client(outsider).SendAsync(Sanctions, new { id = school.StudentId })).FirstErrorCode);
    }

    [Fact]
    public async Task Each_read_of_a_disciplinary_record_is_in_the_access_history_as_sanctions()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var guardian = await GuardianOfAsync(school);
        (await app.Client(Direction(school)).SendAsync(Pronounce, new { i = new { studentId = school.StudentId, kind = "WARNING", facts = "Retards répétés." } })).Ok();

        (await app.Client(guardian).SendAsync(Sanctions, new { id = school.StudentId })).Ok();

        var history = await app.Services.GetRequiredService<AccessHistory>().QueryAsync(
            new AccessQuery(school.StudentId, null, null, DataCategory.Sanctions, null, null, null, 50), CancellationToken.None);
        Assert.Contains(history.Entries, e => e.Record.Role == Role.Guardian && e.Record.Operation == "Query.studentSanctions");
    }

    [Fact]
    public async Task A_teacher_cannot_pronounce_a_sanction_and_nothing_is_written()
    {
        var school = await SchoolScenario.CreateAsync(app);

        var refused = await app.Client(school.TeacherToken).SendAsync(Pronounce, new { i = new { studentId = school.StudentId, kind = "WARNING", facts = "Insolence." } });

        Assert.Equal("FORBIDDEN", refused.FirstErrorCode);
        Assert.Equal(0, await SanctionCountAsync(school.StudentId));
    }

    [Fact]
    public async Task Invalid_sanctions_are_refused_as_validation_errors_and_nothing_is_written()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var direction = app.Client(Direction(school));

        var noFacts = await direction.SendAsync(Pronounce, new { i = new { studentId = school.StudentId, kind = "WARNING", facts = "  " } });
        var tooLong = await direction.SendAsync(Pronounce, new { i = new { studentId = school.StudentId, kind = "TEMPORARY_CLASS_EXCLUSION", facts = "Violence.", exclusionDays = 9 } });
        var noEnd = await direction.SendAsync(Pronounce, new { i = new { studentId = school.StudentId, kind = "PERMANENT_EXCLUSION", facts = "Violence." } });

        Assert.All(new[] { noFacts, tooLong, noEnd }, r => Assert.Equal("VALIDATION", r.FirstErrorCode));
        Assert.Equal(0, await SanctionCountAsync(school.StudentId));
    }

    [Fact]
    public async Task A_temporary_exclusion_keeps_its_length_and_is_erased_at_the_end_of_the_second_school_year_after()
    {
        var school = await SchoolScenario.CreateAsync(app);

        var sanction = (await app.Client(Direction(school)).SendAsync(Pronounce, new { i = new { studentId = school.StudentId, kind = "TEMPORARY_ESTABLISHMENT_EXCLUSION", facts = "Violence.", exclusionDays = 3 } })).Ok()["pronounceSanction"]!["sanction"]!;

        Assert.Equal(3, sanction["exclusionDays"]!.GetValue<int>());
        Assert.Equal(LastDayOfSchoolYear(yearsAfter: 2), sanction["erasedOn"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_teacher_punishes_a_student_they_teach_sees_what_they_gave_but_not_the_student_s_record()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var guardian = await GuardianOfAsync(school);
        var otherTeacher = await OtherTeacherAsync(school);
        var teacher = app.Client(school.TeacherToken);

        var given = (await teacher.SendAsync(Punish, new { i = new { studentId = school.StudentId, kind = "DETENTION", facts = "Téléphone en cours." } })).Ok()["givePunishment"]!["punishment"]!;
        var byOtherTeacher = await app.Client(otherTeacher).SendAsync(Punish, new { i = new { studentId = school.StudentId, kind = "EXTRA_WORK", facts = "Bavardages." } });

        Assert.Equal("TEACHER", given["givenAs"]!.GetValue<string>());
        Assert.Equal("FORBIDDEN", byOtherTeacher.FirstErrorCode);
        Assert.Equal("Téléphone en cours.", Assert.Single((await teacher.SendAsync("{ punishmentsIGave { nodes { facts } } }")).Ok()["punishmentsIGave"]!["nodes"]!.AsArray())!["facts"]!.GetValue<string>());
        Assert.Empty((await app.Client(otherTeacher).SendAsync("{ punishmentsIGave { nodes { facts } } }")).Ok()["punishmentsIGave"]!["nodes"]!.AsArray());
        Assert.Equal("FORBIDDEN", (await teacher.SendAsync(Punishments, new { id = school.StudentId })).FirstErrorCode);
        foreach (var reader in new[] { school.StudentToken, guardian, SchoolLifeOffice(school), Direction(school) })
            Assert.Equal("DETENTION", Assert.Single((await app.Client(reader).SendAsync(Punishments, new { id = school.StudentId })).Ok()["studentPunishments"]!["nodes"]!.AsArray())!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_school_life_office_punishes_any_student_of_its_establishment_and_no_other()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var other = await SchoolScenario.CreateAsync(app);
        var office = app.Client(SchoolLifeOffice(school));

        var given = (await office.SendAsync(Punish, new { i = new { studentId = school.StudentId, kind = "OBSERVATION", facts = "Retard non justifié." } })).Ok()["givePunishment"]!["punishment"]!;
        var elsewhere = await office.SendAsync(Punish, new { i = new { studentId = other.StudentId, kind = "OBSERVATION", facts = "Retard." } });

        Assert.Equal("SCHOOL_LIFE_OFFICE", given["givenAs"]!.GetValue<string>());
        Assert.Equal("NOT_FOUND", elsewhere.FirstErrorCode);
        Assert.Empty((await app.Client(SchoolLifeOffice(other)).SendAsync(Punishments, new { id = other.StudentId })).Ok()["studentPunishments"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task A_student_s_export_of_their_data_holds_their_punishments_and_sanctions()
    {
        var school = await SchoolScenario.CreateAsync(app);
        (await app.Client(Direction(school)).SendAsync(Pronounce, new { i = new { studentId = school.StudentId, kind = "WARNING", facts = "Fraude au contrôle." } })).Ok();
        (await app.Client(school.TeacherToken).SendAsync(Punish, new { i = new { studentId = school.StudentId, kind = "EXTRA_WORK", facts = "Exercices non faits." } })).Ok();

        var export = (await app.Client(school.StudentToken).SendAsync(
            "query($s: ID!) { exportPersonalData(subjectId: $s) { json summary } }", new { s = school.StudentId })).Ok()["exportPersonalData"]!;

        Assert.Contains("Fraude au contrôle.", export["json"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Exercices non faits.", export["json"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("1 punishments, 1 sanctions", export["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
