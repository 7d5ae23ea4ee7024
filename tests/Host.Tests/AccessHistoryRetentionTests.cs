using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Privacy;
using MonBureau.Host.Tests.Infrastructure;
using Npgsql;

namespace MonBureau.Host.Tests;

/// <summary>
/// Consultations are kept one year: the purge removes older ones, and the access history stays verifiable — the
/// chain now starts from the cut the purge recorded, and a cut nobody recorded is reported.
/// </summary>
[Collection(YearEndHost.Name)]
public class AccessHistoryRetentionTests(AppFactory app)
{
    private const string Verify = "{ verifyAccessHistory { intact firstBrokenBatch problem } }";

    [Fact]
    public async Task Consultations_older_than_a_year_are_purged_and_the_history_still_verifies()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var read = $"{{ person(id: \"{school.StudentId}\") {{ givenName }} }}";
        var officer = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, school.EstablishmentId)));
        (await app.Client(school.TeacherToken).SendAsync(read)).Ok();
        app.Clock.Advance(TimeSpan.FromDays(200));
        (await app.Client(school.TeacherToken).SendAsync(read)).Ok();
        app.Clock.Advance(TimeSpan.FromDays(200));

        var dryRun = (await RetentionPurges.RunAsync(app, dryRun: true)).Due[RetentionCategory.AccessHistory];
        var countedBefore = await ConsultationsOfAsync(school.StudentId);
        var purged = (await RetentionPurges.RunAsync(app)).Due[RetentionCategory.AccessHistory];
        var again = (await RetentionPurges.RunAsync(app)).Due[RetentionCategory.AccessHistory];

        Assert.Equal(2, countedBefore);
        Assert.Equal(1, await ConsultationsOfAsync(school.StudentId));
        Assert.True(purged >= 1, "the first consultation, 400 days old, is past its year");
        Assert.Equal(dryRun, purged);
        Assert.Equal(0, again);
        var verified = (await officer.SendAsync(Verify)).Ok()["verifyAccessHistory"]!;
        Assert.True(verified["intact"]!.GetValue<bool>(), verified["problem"]?.GetValue<string>());
    }

    [Fact]
    public async Task Cutting_the_history_without_a_recorded_purge_is_reported()
    {
        var school = await SchoolScenario.CreateAsync(app);
        (await app.Client(school.TeacherToken).SendAsync($"{{ person(id: \"{school.StudentId}\") {{ givenName }} }}")).Ok();
        app.Clock.Advance(TimeSpan.FromDays(370));
        (await app.Client(school.TeacherToken).SendAsync($"{{ person(id: \"{school.StudentId}\") {{ givenName }} }}")).Ok();
        await RetentionPurges.RunAsync(app);
        var officer = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, school.EstablishmentId)));

        // Someone with database access removes the anchor and passes the next batch off as a purge's anchor.
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var anchor = new object[6];
        await using (var select = new NpgsqlCommand($"SELECT {Link} FROM monbureau.mb_access_log_chain ORDER BY batch_id LIMIT 1", connection))
        await using (var reader = await select.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            reader.GetValues(anchor);
        }

        await SqlAsync(connection, "DELETE FROM monbureau.mb_access_log_chain WHERE batch_id = $1", anchor[0]);
        await SqlAsync(connection, "UPDATE monbureau.mb_access_log_chain SET purged_at = now() WHERE batch_id = (SELECT min(batch_id) FROM monbureau.mb_access_log_chain)");
        var broken = (await officer.SendAsync(Verify)).Ok()["verifyAccessHistory"]!;
        await SqlAsync(connection, "UPDATE monbureau.mb_access_log_chain SET purged_at = NULL WHERE batch_id = (SELECT min(batch_id) FROM monbureau.mb_access_log_chain)");
        await SqlAsync(connection, $"INSERT INTO monbureau.mb_access_log_chain ({Link}) VALUES ($1, $2, $3, $4, $5, $6)", anchor);

        Assert.False(broken["intact"]!.GetValue<bool>());
        Assert.Contains("no purge recorded", broken["problem"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True((await officer.SendAsync(Verify)).Ok()["verifyAccessHistory"]!["intact"]!.GetValue<bool>());
    }

    private const string Link = "batch_id, row_count, previous_hash, batch_hash, written_at, purged_at";

    private static async Task SqlAsync(NpgsqlConnection connection, string sql, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ConsultationsOfAsync(Guid subjectId)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM monbureau.mb_access_log WHERE subject_id = $1", connection);
        count.Parameters.Add(new NpgsqlParameter { Value = subjectId });
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
