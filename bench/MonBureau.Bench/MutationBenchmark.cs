using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using MonBureau.Bench.Harness;
using MonBureau.Host.Database;
using MonBureau.Host.Identity;
using MonBureau.Host.Setup;
using Npgsql;
using NpgsqlTypes;

namespace MonBureau.Bench;

/// <summary>
/// Full-path mutations: GraphQL over HTTP → Wolverine → Marten append and inline projections, 32 concurrent clients,
/// each for its own student (<see cref="RepresentativeMutation"/>). Baseline in the same run, same clients and count:
/// the same number of rows (as many as one mutation writes, counted by PostgreSQL's statistics), of the same JSON size,
/// inserted by plain Npgsql in one transaction per operation.
/// </summary>
internal sealed class MutationBenchmark : IBenchVerb
{
    private const int Clients = 32;

    public string Name => "mutations";

    public string Summary => $"full-path `{RepresentativeMutation.Name}` at 32 clients vs plain Npgsql transactions of the same rows";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchSize size, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        await using var database = await DatabaseSelection.ResolveAsync(configuration, NullLogger.Instance, null, cancellationToken);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var keys = HostKeys.Random();
        await using var host = await HostUnderTest.StartAsync(HostKind.Application, database.ConnectionString, keys);
        var api = new Api(host.Http, AccessTokens.FromBase64Key(keys.TokenKey));
        // Enough students for one per client: a client's mutations append to its own student's stream, as 32 CPEs would.
        var school = await SchoolSeed.RunAsync(api, Math.Max(2, size.Classes / 5), withActivity: false);
        var perClient = size.MutationsPerClient;

        Task MutateAsync(int client, int i) => MutationAsync(api, school, client, i);
        await LoadResult.MeasureAsync(Clients, 2, MutateAsync); // warm-up: handlers compiled, pools filled
        var (rowsPerMutation, bytesPerRow) = await RowsPerMutationAsync(dataSource, () => LoadResult.MeasureAsync(Clients, 2, MutateAsync));
        await using (var create = dataSource.CreateCommand("CREATE SCHEMA IF NOT EXISTS bench; CREATE TABLE IF NOT EXISTS bench.plain_rows (seq bigserial PRIMARY KEY, stream_id uuid NOT NULL, data jsonb NOT NULL)"))
            await create.ExecuteNonQueryAsync(cancellationToken);
        var json = $"{{\"text\":\"{new string('x', Math.Max(0, bytesPerRow - 11))}\"}}";
        Task InsertAsync(int client, int i) => PlainTransactionAsync(dataSource, school.Students[client % school.Students.Count].Id, json, rowsPerMutation);
        await LoadResult.MeasureAsync(Clients, 2, InsertAsync);
        var results = await LoadResult.SideBySideAsync(4, Clients, perClient, [new Contender(MutateAsync, host.ProcessId), new Contender(InsertAsync)]);
        var (application, baseline) = (results[0], results[1]);

        var ratio = application.PerSecond / baseline.PerSecond;
        return
        [
            new BenchRow(
                string.Create(CultureInfo.InvariantCulture, $"`{RepresentativeMutation.Name}` full path, {Clients} clients × {perClient} ({rowsPerMutation} rows written each, ~{bytesPerRow} B)"),
                BenchRow.Load(application, "mutations/s"),
                string.Create(CultureInfo.InvariantCulture, $"plain Npgsql, {rowsPerMutation} rows per transaction: ") + BenchRow.Load(baseline, "tx/s"),
                ratio,
                "≥ 2,000/s, p99 ≤ 30 ms",
                application.PerSecond >= 2_000 && application.P99 <= 30),
            BenchRow.CpuPerOperation($"`{RepresentativeMutation.Name}`", application, "plain Npgsql transaction", baseline),
        ];
    }

    private static async Task MutationAsync(Api api, SeededSchool school, int client, int iteration)
    {
        var student = school.Students[client % school.Students.Count];
        RepresentativeMutation.Check(await api.SendAsync(school.SchoolLifeOffice.Token, RepresentativeMutation.Text, RepresentativeMutation.Variables(student.Id, iteration)));
    }

    /// <summary>
    /// Rows one mutation inserts or updates in the application's schema (events, streams, documents, Wolverine's
    /// envelopes), from pg_stat_user_tables around a batch of mutations, and the mean size of the rows it writes.
    /// </summary>
    private static async Task<(int Rows, int Bytes)> RowsPerMutationAsync(NpgsqlDataSource dataSource, Func<Task<LoadResult>> batch)
    {
        var before = await WrittenRowsAsync(dataSource);
        var done = await batch();
        var rows = (await WrittenRowsAsync(dataSource) - before) / (double)done.Count;
        await using var size = dataSource.CreateCommand(
            $"SELECT coalesce(avg(pg_column_size(data)), 200)::int FROM (SELECT data FROM {PersistenceSetup.Schema}.mt_events ORDER BY seq_id DESC LIMIT 200) e");
        return ((int)Math.Round(rows), (int)(await size.ExecuteScalarAsync())!);
    }

    private static async Task<long> WrittenRowsAsync(NpgsqlDataSource dataSource)
    {
        await Task.Delay(1_500); // the statistics collector publishes a backend's counts about once a second
        await using var command = dataSource.CreateCommand(
            $"SELECT pg_stat_clear_snapshot(); SELECT coalesce(sum(n_tup_ins + n_tup_upd), 0)::bigint FROM pg_stat_user_tables WHERE schemaname = '{PersistenceSetup.Schema}'");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        return reader.GetInt64(0);
    }

    private static async Task PlainTransactionAsync(NpgsqlDataSource dataSource, Guid streamId, string json, int rows)
    {
        await using var batch = dataSource.CreateBatch(); // one implicit transaction for the whole batch
        for (var r = 0; r < rows; r++)
        {
            var command = new NpgsqlBatchCommand("INSERT INTO bench.plain_rows (stream_id, data) VALUES ($1, $2)");
            command.Parameters.Add(new NpgsqlParameter { Value = streamId });
            command.Parameters.Add(new NpgsqlParameter { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb });
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync();
    }
}
