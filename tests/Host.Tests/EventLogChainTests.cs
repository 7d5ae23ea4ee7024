using System.Text.Json.Nodes;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;
using Npgsql;

namespace MonBureau.Host.Tests;

/// <summary>The event log (the record of every action) is sealed in a hash chain; an edit made in the database shows.</summary>
[Collection(AppHost.Name)]
public class EventLogChainTests(AppFactory app)
{
    private const string Verify = "{ verifyEventLog { intact batchesChecked eventsChecked firstBrokenBatch firstSequence lastSequence problem headLinkHash } }";

    private async Task<JsonNode> VerifyAsync(SchoolScenario school) =>
        (await app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, school.EstablishmentId))).SendAsync(Verify)).Ok()["verifyEventLog"]!;

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<long> ExecuteAsync(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return await command.ExecuteScalarAsync() is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : -1;
    }

    /// <summary>The sequence number of the student's first event (their enrolment).</summary>
    private static Task<long> StudentEventAsync(NpgsqlConnection connection, SchoolScenario school) =>
        ExecuteAsync(connection, "SELECT min(seq_id) FROM monbureau.mt_events WHERE stream_id = $1", school.StudentId);

    private static void AssertBrokenAround(JsonNode result, long sequence, string what)
    {
        Assert.False(result["intact"]!.GetValue<bool>());
        Assert.InRange(sequence, result["firstSequence"]!.GetValue<long>(), result["lastSequence"]!.GetValue<long>());
        Assert.NotNull(result["firstBrokenBatch"]);
        Assert.Contains(what, result["problem"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_normal_activity_the_event_log_is_intact_and_its_head_link_is_given()
    {
        var school = await SchoolScenario.CreateAsync(app);
        (await app.Client(school.TeacherToken).SendAsync($"{{ person(id: \"{school.StudentId}\") {{ givenName }} }}")).Ok();

        var result = await VerifyAsync(school);

        Assert.True(result["intact"]!.GetValue<bool>(), result["problem"]?.GetValue<string>());
        Assert.True(result["eventsChecked"]!.GetValue<long>() > 0);
        Assert.Matches("^[0-9a-f]{64}$", result["headLinkHash"]!.GetValue<string>());
    }

    [Fact]
    public async Task Editing_one_event_with_plain_SQL_is_caught_and_names_its_batch()
    {
        var school = await SchoolScenario.CreateAsync(app);
        await using var connection = await OpenAsync();
        var sequence = await StudentEventAsync(connection, school);
        Assert.True((await VerifyAsync(school))["intact"]!.GetValue<bool>());

        await ExecuteAsync(connection, "UPDATE monbureau.mt_events SET data = jsonb_set(data, '{forged}', 'true') WHERE seq_id = $1", sequence);
        var broken = await VerifyAsync(school);
        await ExecuteAsync(connection, "UPDATE monbureau.mt_events SET data = data - 'forged' WHERE seq_id = $1", sequence);

        AssertBrokenAround(broken, sequence, "changed");
        Assert.True((await VerifyAsync(school))["intact"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Deleting_one_event_with_plain_SQL_is_caught()
    {
        var school = await SchoolScenario.CreateAsync(app);
        await using var connection = await OpenAsync();
        var sequence = await StudentEventAsync(connection, school);
        Assert.True((await VerifyAsync(school))["intact"]!.GetValue<bool>());

        await ExecuteAsync(connection, "CREATE TEMP TABLE kept AS SELECT * FROM monbureau.mt_events WHERE seq_id = $1", sequence);
        await ExecuteAsync(connection, "DELETE FROM monbureau.mt_events WHERE seq_id = $1", sequence);
        var broken = await VerifyAsync(school);
        await ExecuteAsync(connection, "INSERT INTO monbureau.mt_events SELECT * FROM kept");

        AssertBrokenAround(broken, sequence, "deleted");
        Assert.True((await VerifyAsync(school))["intact"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_event_forged_into_a_gap_of_the_sealed_range_is_caught()
    {
        await using var connection = await OpenAsync();
        // A sequence number taken and never used, as a rolled-back transaction leaves: sealed over as a gap.
        var gap = await ExecuteAsync(connection, "SELECT nextval('monbureau.mt_events_sequence')");
        var school = await SchoolScenario.CreateAsync(app);
        Assert.True((await VerifyAsync(school))["intact"]!.GetValue<bool>());

        await ExecuteAsync(connection, """
            INSERT INTO monbureau.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, headers)
            SELECT $1, gen_random_uuid(), stream_id, version + 1000000, data, type, timestamp, tenant_id, mt_dotnet_type, headers
            FROM monbureau.mt_events WHERE stream_id = $2 ORDER BY seq_id LIMIT 1
            """, gap, school.StudentId);
        var broken = await VerifyAsync(school);
        await ExecuteAsync(connection, "DELETE FROM monbureau.mt_events WHERE seq_id = $1", gap);

        AssertBrokenAround(broken, gap, "inserted");
        Assert.True((await VerifyAsync(school))["intact"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData(Role.Teacher)]
    [InlineData(Role.Student)]
    [InlineData(Role.Guardian)]
    [InlineData(Role.SchoolLifeOffice)]
    [InlineData(Role.Direction)]
    [InlineData(Role.EstablishmentAdministrator)]
    [InlineData(Role.RegionAdministrator)]
    public async Task Only_the_privacy_officer_may_verify_the_event_log_or_see_the_purge_dry_run(Role role)
    {
        var school = await SchoolScenario.CreateAsync(app);
        var client = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), role, role == Role.RegionAdministrator ? null : school.EstablishmentId)));

        Assert.Equal("FORBIDDEN", (await client.SendAsync(Verify)).FirstErrorCode);
        Assert.Equal("FORBIDDEN", (await client.SendAsync("{ purgeDryRun { nodes { category count } } }")).FirstErrorCode);
    }
}
