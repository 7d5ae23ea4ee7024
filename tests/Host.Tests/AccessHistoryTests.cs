using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace MonBureau.Host.Tests;

[Collection(AppHost.Name)]
public class AccessHistoryTests(AppFactory app, ITestOutputHelper output)
{
    private const string History = """
        query($s: ID!, $first: Int, $after: String) { accessHistory(subjectId: $s, first: $first, after: $after) {
          nodes { actorId actorRole subjectId category operation correlationId } pageInfo { hasNextPage endCursor } } }
        """;

    private static string Read(Guid id) => $"{{ person(id: \"{id}\") {{ givenName }} }}";

    private string PrivacyOfficer(SchoolScenario school) => app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, school.EstablishmentId));

    [Fact]
    public async Task The_privacy_officer_sees_who_consulted_a_student_in_which_role_and_request()
    {
        var school = await SchoolScenario.CreateAsync(app);
        (await app.Client(school.TeacherToken).SendAsync(Read(school.StudentId), configure: r => r.Headers.Add("X-Correlation-Id", "consult-42"))).Ok();
        (await app.Client(school.StudentToken).SendAsync(Read(school.StudentId))).Ok(); // reading oneself is not someone else's data

        var history = (await app.Client(PrivacyOfficer(school)).SendAsync(History, new { s = school.StudentId })).Ok()["accessHistory"]!;

        var entry = Assert.Single(history["nodes"]!.AsArray())!;
        Assert.Equal(school.TeacherId.ToString(), entry["actorId"]!.GetValue<string>());
        Assert.Equal("TEACHER", entry["actorRole"]!.GetValue<string>());
        Assert.Equal("IDENTITY", entry["category"]!.GetValue<string>());
        Assert.Equal("consult-42", entry["correlationId"]!.GetValue<string>());
        Assert.False(history["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
    }

    /// <summary>The SQL round trips the privacy officer's question may cost (docs/benchmarks.md, « Audit query »).</summary>
    private const int HistoryRoundTrips = 2;

    [Fact]
    public async Task The_privacy_officers_question_costs_the_same_few_sql_round_trips_however_long_the_history()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var teacher = app.Client(school.TeacherToken);
        var officer = app.Client(PrivacyOfficer(school));
        (await teacher.SendAsync(Read(school.StudentId))).Ok();
        var (shortHistory, onOne) = await SqlRoundTrips.CountAsync(officer, History, new { s = school.StudentId, first = 50 });
        for (var i = 0; i < 5; i++)
            (await teacher.SendAsync(Read(school.StudentId))).Ok();
        var (longerHistory, onSix) = await SqlRoundTrips.CountAsync(officer, History, new { s = school.StudentId, first = 50 });
        output.WriteLine($"SQL commands of accessHistory: {onOne} over one record, {onSix} over six");

        Assert.Single(shortHistory.Ok()["accessHistory"]!["nodes"]!.AsArray());
        Assert.Equal(6, longerHistory.Ok()["accessHistory"]!["nodes"]!.AsArray().Count);
        Assert.InRange(onOne, 1, HistoryRoundTrips);
        Assert.Equal(onOne, onSix);
    }

    [Fact]
    public async Task The_history_pages_newest_first_and_by_actor()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var teacher = app.Client(school.TeacherToken);
        for (var i = 0; i < 3; i++)
            (await teacher.SendAsync(Read(school.StudentId))).Ok();
        var officer = app.Client(PrivacyOfficer(school));

        var first = (await officer.SendAsync(History, new { s = school.StudentId, first = 2 })).Ok()["accessHistory"]!;
        var second = (await officer.SendAsync(History, new { s = school.StudentId, first = 2, after = first["pageInfo"]!["endCursor"]!.GetValue<string>() })).Ok()["accessHistory"]!;
        var byActor = (await officer.SendAsync("query($a: ID!) { accessesBy(actorId: $a) { nodes { subjectId } } }", new { a = school.TeacherId })).Ok()["accessesBy"]!;

        Assert.True(first["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(2, first["nodes"]!.AsArray().Count);
        Assert.Single(second["nodes"]!.AsArray());
        Assert.False(second["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(3, byActor["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_privacy_officer_of_another_establishment_is_refused()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var other = await SchoolScenario.CreateAsync(app);

        var response = await app.Client(PrivacyOfficer(other)).SendAsync(History, new { s = school.StudentId });

        Assert.Equal("FORBIDDEN", response.FirstErrorCode);
    }

    [Fact]
    public async Task A_read_whose_access_record_cannot_be_written_does_not_return_the_data()
    {
        var school = await SchoolScenario.CreateAsync(app);
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using (var hide = new NpgsqlCommand($"ALTER TABLE monbureau.{AccessLogTable.Name} RENAME TO mb_access_log_hidden", connection))
            await hide.ExecuteNonQueryAsync();
        GraphQLResponse refused;
        try
        {
            refused = await app.Client(school.TeacherToken).SendAsync(Read(school.StudentId));
        }
        finally
        {
            await using var restore = new NpgsqlCommand("ALTER TABLE monbureau.mb_access_log_hidden RENAME TO " + AccessLogTable.Name, connection);
            await restore.ExecuteNonQueryAsync();
        }

        Assert.Equal("UNAVAILABLE", refused.FirstErrorCode);
        Assert.Null(refused.Data?["person"]);
        Assert.DoesNotContain("Léa", refused.Body.ToJsonString(), StringComparison.Ordinal);
        (await app.Client(school.TeacherToken).SendAsync(Read(school.StudentId))).Ok();
    }

    [Fact]
    public async Task Editing_one_access_record_with_plain_SQL_is_caught_by_the_verification()
    {
        var school = await SchoolScenario.CreateAsync(app);
        (await app.Client(school.TeacherToken).SendAsync(Read(school.StudentId))).Ok();
        var officer = app.Client(PrivacyOfficer(school));
        const string Verify = "{ verifyAccessHistory { intact firstBrokenBatch problem rowsChecked } }";
        Assert.True((await officer.SendAsync(Verify)).Ok()["verifyAccessHistory"]!["intact"]!.GetValue<bool>());

        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        const string Rewrite = "UPDATE monbureau.mb_access_log SET actor_id = $2 WHERE subject_id = $1 AND actor_id = $3";
        await using (var tamper = new NpgsqlCommand(Rewrite, connection))
        {
            tamper.Parameters.Add(new NpgsqlParameter { Value = school.StudentId });
            tamper.Parameters.Add(new NpgsqlParameter { Value = Guid.Empty });
            tamper.Parameters.Add(new NpgsqlParameter { Value = school.TeacherId });
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }

        var broken = (await officer.SendAsync(Verify)).Ok()["verifyAccessHistory"]!;

        await using (var restore = new NpgsqlCommand(Rewrite, connection))
        {
            restore.Parameters.Add(new NpgsqlParameter { Value = school.StudentId });
            restore.Parameters.Add(new NpgsqlParameter { Value = school.TeacherId });
            restore.Parameters.Add(new NpgsqlParameter { Value = Guid.Empty });
            await restore.ExecuteNonQueryAsync();
        }

        Assert.False(broken["intact"]!.GetValue<bool>());
        Assert.NotNull(broken["firstBrokenBatch"]);
        Assert.Contains("changed", broken["problem"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True((await officer.SendAsync(Verify)).Ok()["verifyAccessHistory"]!["intact"]!.GetValue<bool>());
    }
}
