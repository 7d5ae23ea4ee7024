using Marten;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Application.Auditing;
using MonBureau.Application.Privacy;
using MonBureau.Domain.Common;
using MonBureau.Domain.Discipline;
using MonBureau.Domain.Privacy;
using MonBureau.Host.Tests.Infrastructure;
using Npgsql;

namespace MonBureau.Host.Tests;

/// <summary>The retention purge takes a sanction out of the student's file on its R511-13 date, and its facts with it.</summary>
[Collection(YearEndHost.Name)]
public class DisciplineRetentionTests(AppFactory app)
{
    private Task<PurgeReport> PurgeAsync(bool dryRun) => RetentionPurges.RunAsync(app, dryRun);

    private async Task<long> SealedFactsInEventsAsync(Guid sanctionId)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM monbureau.mt_events WHERE stream_id = $1 AND jsonb_path_exists(data, '$.** ? (@.sealed != null)')", connection);
        count.Parameters.Add(new NpgsqlParameter { Value = sanctionId });
        return (long)(await count.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_warning_leaves_the_file_after_the_end_of_its_school_year_and_its_facts_are_gone()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var direction = new Actor(Guid.CreateVersion7(), Role.Direction, school.EstablishmentId);
        var warning = SchoolScenario.IdOf((await app.Client(app.TokenFor(direction)).SendAsync(
            "mutation($i: PronounceSanctionInput!) { pronounceSanction(input: $i) { sanction { id } userErrors { code message } } }",
            new { i = new { studentId = school.StudentId, kind = "WARNING", facts = "Insolence envers un surveillant." } })).Ok()["pronounceSanction"]!["sanction"]);
        var reprimand = SchoolScenario.IdOf((await app.Client(app.TokenFor(direction)).SendAsync(
            "mutation($i: PronounceSanctionInput!) { pronounceSanction(input: $i) { sanction { id } userErrors { code message } } }",
            new { i = new { studentId = school.StudentId, kind = "REPRIMAND", facts = "Dégradation." } })).Ok()["pronounceSanction"]!["sanction"]);
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var lastDay = SchoolYear.Containing(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), paris).DateTime)).LastDay;

        // 31 August, noon in Paris: still on file.
        app.Clock.Advance(new DateTimeOffset(lastDay.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero) - app.Clock.GetUtcNow());
        var onLastDay = (await PurgeAsync(dryRun: true)).Due[RetentionCategory.Sanctions];
        // 1 September, 00:30 in Paris (22:30 UTC the day before): past its date.
        app.Clock.Advance(TimeSpan.FromHours(12.5));
        var dueNow = (await PurgeAsync(dryRun: true)).Due[RetentionCategory.Sanctions];
        Assert.Equal(1, await SealedFactsInEventsAsync(warning));
        var erased = (await PurgeAsync(dryRun: false)).Due[RetentionCategory.Sanctions];
        var again = (await PurgeAsync(dryRun: false)).Due[RetentionCategory.Sanctions];

        Assert.Equal(0, onLastDay);
        Assert.True(dueNow >= 1);
        Assert.Equal(dueNow, erased);
        Assert.Equal(0, again);
        Assert.Equal(0, await SealedFactsInEventsAsync(warning));
        Assert.Equal(1, await SealedFactsInEventsAsync(reprimand));
        var student = app.Client(app.TokenFor(new Actor(school.StudentId, Role.Student, school.EstablishmentId)));
        var file = (await student.SendAsync("query($id: ID!) { studentSanctions(studentId: $id) { nodes { id facts } } }", new { id = school.StudentId })).Ok()["studentSanctions"]!["nodes"]!.AsArray();
        Assert.Equal(reprimand, SchoolScenario.IdOf(Assert.Single(file)));
        Assert.Equal("Dégradation.", file[0]!["facts"]!.GetValue<string>());
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Contains(await session.Events.QueryRawEventDataOnly<RetentionPurgeCompleted>().ToListAsync(),
            p => p.Category == RetentionCategory.Sanctions && p.Count == erased);
        Assert.Contains((await session.Events.FetchStreamAsync(warning)).Select(e => e.Data), e => e is SanctionErased);
        Assert.Equal("Léa", (await student.SendAsync("query($id: ID!) { person(id: $id) { givenName } }", new { id = school.StudentId })).Ok()["person"]!["givenName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Forgetting_a_student_erases_the_facts_of_their_punishments_too()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var direction = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.Direction, school.EstablishmentId)));
        (await direction.SendAsync("mutation($i: GivePunishmentInput!) { givePunishment(input: $i) { punishment { id } userErrors { code message } } }",
            new { i = new { studentId = school.StudentId, kind = "DETENTION", facts = "Absences au cours." } })).Ok();

        (await app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, school.EstablishmentId))).SendAsync(
            "mutation($i: ForgetDataSubjectInput!) { forgetDataSubject(input: $i) { forgottenAt userErrors { code message } } }",
            new { i = new { subjectId = school.StudentId, ground = "DATA_SUBJECT_REQUEST" } })).Ok();

        var punishment = Assert.Single((await direction.SendAsync("query($id: ID!) { studentPunishments(studentId: $id) { nodes { kind facts } } }", new { id = school.StudentId })).Ok()["studentPunishments"]!["nodes"]!.AsArray())!;
        Assert.Null(punishment["facts"]);
    }

    [Fact]
    public async Task Erasing_a_student_with_a_sanction_on_file_is_refused_until_its_legal_date_and_nothing_is_erased()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var direction = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.Direction, school.EstablishmentId)));
        var erasedOn = (await direction.SendAsync("mutation($i: PronounceSanctionInput!) { pronounceSanction(input: $i) { sanction { erasedOn } userErrors { code message } } }",
            new { i = new { studentId = school.StudentId, kind = "REPRIMAND", facts = "Vol d'une calculatrice." } })).Ok()["pronounceSanction"]!["sanction"]!["erasedOn"]!.GetValue<string>();

        var refused = await app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, school.EstablishmentId))).SendAsync(
            "mutation($i: ForgetDataSubjectInput!) { forgetDataSubject(input: $i) { forgottenAt userErrors { code message } } }",
            new { i = new { subjectId = school.StudentId, ground = "DATA_SUBJECT_REQUEST" } });

        Assert.Equal("ERASURE_REFUSED", refused.FirstErrorCode);
        Assert.Contains("R511-13", refused.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Contains(erasedOn, refused.FirstErrorMessage, StringComparison.Ordinal);
        var sanction = Assert.Single((await direction.SendAsync("query($id: ID!) { studentSanctions(studentId: $id) { nodes { facts } } }", new { id = school.StudentId })).Ok()["studentSanctions"]!["nodes"]!.AsArray())!;
        Assert.Equal("Vol d'une calculatrice.", sanction["facts"]!.GetValue<string>());
        Assert.Equal("Léa", (await direction.SendAsync("query($id: ID!) { person(id: $id) { givenName } }", new { id = school.StudentId })).Ok()["person"]!["givenName"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_punishment_leaves_the_file_once_its_school_year_is_over_and_its_facts_are_gone()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var office = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.SchoolLifeOffice, school.EstablishmentId)));
        var punishment = SchoolScenario.IdOf((await office.SendAsync(
            "mutation($i: GivePunishmentInput!) { givePunishment(input: $i) { punishment { id } userErrors { code message } } }",
            new { i = new { studentId = school.StudentId, kind = "OBSERVATION", facts = "Retard non justifié." } })).Ok()["givePunishment"]!["punishment"]);
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var lastDay = SchoolYear.Containing(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), paris).DateTime)).LastDay;

        app.Clock.Advance(new DateTimeOffset(lastDay.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero) - app.Clock.GetUtcNow());
        var onLastDay = (await PurgeAsync(dryRun: false)).Due[RetentionCategory.SchoolLifeData];
        app.Clock.Advance(TimeSpan.FromHours(12.5));
        var erased = (await PurgeAsync(dryRun: false)).Due[RetentionCategory.SchoolLifeData];

        Assert.Equal(0, onLastDay);
        Assert.True(erased >= 1);
        Assert.Equal(0, await SealedFactsInEventsAsync(punishment));
        Assert.Empty((await office.SendAsync("query($id: ID!) { studentPunishments(studentId: $id) { nodes { id } } }", new { id = school.StudentId })).Ok()["studentPunishments"]!["nodes"]!.AsArray());
    }
}
