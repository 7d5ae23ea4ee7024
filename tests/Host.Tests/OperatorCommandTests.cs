using MonBureau.Application.Auditing;
using MonBureau.Host.Tests.Infrastructure;
using Npgsql;

namespace MonBureau.Host.Tests;

/// <summary>The operator's command line, run as the built host binary the way an operator types it.</summary>
[Collection(FaultInjection.Name)]
public class OperatorCommandTests
{
    private readonly HostKeys _keys = HostKeys.Random();

    [Fact]
    public async Task Help_lists_every_verb_and_each_verb_explains_itself_without_a_database()
    {
        var (listed, list) = await HostProcess.RunVerbAsync(null, _keys, "help");
        var (helped, help) = await HostProcess.RunVerbAsync(null, _keys, "retention-purge", "--help");

        Assert.Equal(0, listed);
        foreach (var verb in new[] { "import-roster", "import-schedule", "region-admin", "verify-access-history", "verify-event-log", "export-personal-data", "retention-purge", "rebuild-indicators", "rebuild-projections", "seed-demo", "status", "generate" })
            Assert.Contains(verb, list, StringComparison.Ordinal);
        Assert.Equal(0, helped);
        Assert.Contains("usage: retention-purge [--dry-run]", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_call_prints_the_usage_and_exits_2()
    {
        var (code, output) = await HostProcess.RunVerbAsync(null, _keys, "retention-purge", "--everything");

        Assert.Equal(2, code);
        Assert.Contains("usage: retention-purge [--dry-run]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_and_verification_run_against_the_database_and_exit_0_when_all_is_well()
    {
        var database = await TestDatabase.CreateFreshAsync();

        var (status, report) = await HostProcess.RunVerbAsync(database, _keys, "status");
        var (verified, verification) = await HostProcess.RunVerbAsync(database, _keys, "verify-access-history");

        Assert.True(status == 0, report);
        Assert.Contains("projectionLag: 0", report, StringComparison.Ordinal);
        Assert.True(verified == 0, verification);
        Assert.Contains("intact", verification, StringComparison.Ordinal);
    }

    /// <summary>A fresh database holding one school, written by an in-process host with the same master key as the verbs.</summary>
    private async Task<(string Database, SchoolScenario School)> SchoolDatabaseAsync()
    {
        var database = await TestDatabase.CreateFreshAsync();
        await using var app = new AppOnDatabase(database, new Dictionary<string, string> { ["MONBUREAU_MASTER_KEY"] = _keys.MasterKey });
        await ((IAsyncLifetime)app).InitializeAsync();
        return (database, await SchoolScenario.CreateAsync(app, "Capucine", "Exportée"));
    }

    [Fact]
    public async Task An_operator_exports_a_persons_data_to_a_file_and_the_export_shows_in_their_access_history()
    {
        var (database, school) = await SchoolDatabaseAsync();
        var file = Path.Combine(Path.GetTempPath(), $"monbureau-export-{Guid.NewGuid():N}.json");
        try
        {
            var (code, output) = await HostProcess.RunVerbAsync(database, _keys, "export-personal-data", school.StudentId.ToString(), file);

            Assert.True(code == 0, output);
            Assert.Contains("Written to", output, StringComparison.Ordinal);
            var bundle = await File.ReadAllTextAsync(file);
            Assert.Contains("Capucine", bundle, StringComparison.Ordinal);
            Assert.Contains("Exportée", bundle, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand(
            $"SELECT actor_id, actor_role, establishment_id, category FROM monbureau.{AccessLogTable.Name} WHERE subject_id = $1 AND operation LIKE 'cli export-personal-data%'", connection);
        read.Parameters.Add(new NpgsqlParameter { Value = school.StudentId });
        await using var reader = await read.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "the export is not in the access history");
        Assert.Equal(SystemActorIds.For("cli-export-personal-data"), reader.GetGuid(0));
        Assert.Equal("System", reader.GetString(1));
        Assert.Equal(school.EstablishmentId, reader.GetGuid(2));
        Assert.Equal("Identity", reader.GetString(3));
    }

    [Fact]
    public async Task Verifying_the_event_log_prints_its_head_link_and_exits_1_naming_the_batch_once_an_event_is_edited()
    {
        var (database, school) = await SchoolDatabaseAsync();

        var (intact, report) = await HostProcess.RunVerbAsync(database, _keys, "verify-event-log");
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var tamper = new NpgsqlCommand(
                "UPDATE monbureau.mt_events SET data = jsonb_set(data, '{forged}', 'true') WHERE seq_id = (SELECT min(seq_id) FROM monbureau.mt_events WHERE stream_id = $1)", connection);
            tamper.Parameters.Add(new NpgsqlParameter { Value = school.StudentId });
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }

        var (broken, failure) = await HostProcess.RunVerbAsync(database, _keys, "verify-event-log");

        Assert.True(intact == 0, report);
        Assert.Matches("Event log intact: [0-9]+ batches, [0-9]+ events. Head link [0-9a-f]{64}", report);
        Assert.Equal(1, broken);
        Assert.Matches("BROKEN at batch [0-9]+ \\(events [0-9]+–[0-9]+\\): .*changed", failure);
    }

    [Fact]
    public async Task Seeding_the_demo_writes_tokens_that_open_the_api_and_a_second_run_seeds_nothing_more()
    {
        var database = await TestDatabase.CreateFreshAsync();
        var file = Path.Combine(Path.GetTempPath(), $"monbureau-demo-{Guid.NewGuid():N}.txt");
        try
        {
            var (first, seeding) = await HostProcess.RunVerbAsync(database, _keys, "seed-demo", file);
            var (second, again) = await HostProcess.RunVerbAsync(database, _keys, "seed-demo", file);

            Assert.True(first == 0, seeding);
            Assert.Contains("Seeded the demo establishment 0679999Z", seeding, StringComparison.Ordinal);
            Assert.True(second == 0, again);
            Assert.Contains("was there already", again, StringComparison.Ordinal);
            Assert.Equal(1, await ScalarAsync(database, "SELECT count(*) FROM monbureau.mt_events WHERE type = 'establishment_opened'"));
            var studentToken = (await File.ReadAllLinesAsync(file))[4];
            await using var host = await HostProcess.StartAsync(database, _keys);
            var me = (await host.Client(studentToken).SendAsync("{ me { givenName } myHomework { nodes { title } } }")).Ok();
            Assert.Equal("Léa", me["me"]!["givenName"]!.GetValue<string>());
            Assert.NotEmpty(me["myHomework"]!["nodes"]!.AsArray());
        }
        finally
        {
            File.Delete(file);
            File.Delete(Path.ChangeExtension(file, ".accounts.txt"));
        }
    }

    [Fact]
    public async Task Rebuilding_a_damaged_read_model_brings_its_records_back_from_the_event_log()
    {
        var (database, school) = await SchoolDatabaseAsync();
        const string Count = "SELECT count(*) FROM monbureau.mt_doc_persondetails";
        var before = await ScalarAsync(database, Count);
        await ScalarAsync(database, "DELETE FROM monbureau.mt_doc_persondetails");

        var (listed, names) = await HostProcess.RunVerbAsync(database, _keys, "rebuild-projections", "--list");
        var (unknown, refusal) = await HostProcess.RunVerbAsync(database, _keys, "rebuild-projections", "NoSuchProjection");
        var (rebuilt, output) = await HostProcess.RunVerbAsync(database, _keys, "rebuild-projections", "PersonDetails");

        Assert.True(listed == 0, names);
        Assert.Contains("PersonDetails", names.Split('\n'));
        Assert.Equal(2, unknown);
        Assert.Contains("Unknown projection(s): NoSuchProjection", refusal, StringComparison.Ordinal);
        Assert.True(rebuilt == 0, output);
        Assert.Contains("[1/1] PersonDetails", output, StringComparison.Ordinal);
        Assert.True(before > 0);
        Assert.Equal(before, await ScalarAsync(database, Count));
        Assert.Equal(1, await ScalarAsync(database, $"SELECT count(*) FROM monbureau.mt_doc_persondetails WHERE id = '{school.StudentId}'"));
    }

    private static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }
}
