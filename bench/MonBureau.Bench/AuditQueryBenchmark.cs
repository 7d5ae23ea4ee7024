using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using MonBureau.Application.Auditing;
using MonBureau.Bench.Harness;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Database;
using MonBureau.Host.Identity;
using MonBureau.Host.Setup;
using Npgsql;
using NpgsqlTypes;

namespace MonBureau.Bench;

/// <summary>
/// The privacy officer's « who consulted this student? » (<c>accessHistory</c>, first page of 50) over an access
/// history loaded by binary COPY into the real <c>mb_access_log</c> table in chained batches (so the chain verifies).
/// Half the records are about the seeded establishment's students, half about 50,000 other people; actors are 300
/// staff accounts; dates spread over the last 120 days. Measured one request at a time (one officer), side by side:
/// through GraphQL over HTTP, through the application's query function (<see cref="AccessHistory"/>), and the bare SQL
/// baseline (the same rows by subject, newest first, no optional filters).
/// </summary>
internal sealed class AuditQueryBenchmark : IBenchVerb
{
    private const int BatchRows = 10_000;
    private const int PageSize = 50;
    private const string Query = "query($s: ID!) { accessHistory(subjectId: $s, first: 50) { edges { node { accessedAt actorId actorRole category operation correlationId } } pageInfo { hasNextPage endCursor } } }";

    public string Name => "audit-query";

    public string Summary => "the privacy officer's accessHistory over millions of COPY-loaded access records vs bare SQL";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchSize size, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        await using var database = await DatabaseSelection.ResolveAsync(configuration, NullLogger.Instance, null, cancellationToken);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var keys = HostKeys.Random();
        await using var host = await HostUnderTest.StartAsync(HostKind.Application, database.ConnectionString, keys);
        var school = await SchoolSeed.RunAsync(new Api(host.Http, AccessTokens.FromBase64Key(keys.TokenKey)), 1, withActivity: false);

        var watch = Stopwatch.StartNew();
        await LoadAsync(dataSource, school, size.AccessRecords, cancellationToken);
        var loadSeconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"audit-query: {size.AccessRecords:N0} access records loaded by COPY in {loadSeconds:F0} s"));

        var requests = Math.Max(20, size.RequestsPerClient * 10);
        var subjects = school.Students;
        var history = new AccessHistory(dataSource, PersistenceSetup.Schema);
        Task GraphQLAsync(int _, int i) => Api.PostAsync(host.Http, school.PrivacyOfficer.Token, Query, new { s = subjects[i % subjects.Count].Id });
        Task FunctionAsync(int _, int i) => history.QueryAsync(new AccessQuery(subjects[i % subjects.Count].Id, null, school.EstablishmentId, null, null, null, null, PageSize), cancellationToken);
        Task BareAsync(int _, int i) => BareSqlAsync(dataSource, subjects[i % subjects.Count].Id);
        await LoadResult.MeasureAsync(1, 10, GraphQLAsync);
        await LoadResult.MeasureAsync(1, 10, FunctionAsync);
        await LoadResult.MeasureAsync(1, 10, BareAsync);
        Task FloorAsync(int _, int i) => Api.PostAsync(host.Http, school.PrivacyOfficer.Token, "{ __typename }", null);
        var results = await LoadResult.SideBySideAsync(10, 1, requests, BareAsync, FunctionAsync, GraphQLAsync, FloorAsync);
        var (baseline, function, graphQL, floor) = (results[0], results[1], results[2], results[3]);

        BenchNotes.Add(await PlanAsync(dataSource, school, size.AccessRecords, loadSeconds));
        var figure = string.Create(CultureInfo.InvariantCulture, $"{size.AccessRecords:N0} records, first page of {PageSize}, {requests} requests one at a time");
        return
        [
            new BenchRow($"`accessHistory` through GraphQL, {figure}", BenchRow.Load(graphQL), "bare SQL: " + BenchRow.Load(baseline), graphQL.PerSecond / baseline.PerSecond, "p99 ≤ 20 ms", graphQL.P99 <= 20),
            new BenchRow("the same through the application's query function (`AccessHistory.QueryAsync`)", BenchRow.Load(function), "bare SQL: " + BenchRow.Load(baseline), function.PerSecond / baseline.PerSecond, "p99 ≤ 20 ms", function.P99 <= 20),
            new BenchRow("the GraphQL pipeline alone, `{ __typename }` one at a time (what every request pays before any SQL)", BenchRow.Load(floor), "bare SQL: " + BenchRow.Load(baseline), floor.PerSecond / baseline.PerSecond, "", null),
            new BenchRow("access records loaded by binary COPY, chained batches of 10,000", BenchRow.Number(size.AccessRecords / loadSeconds) + " records/s", "", null, "", null),
        ];
    }

    private static async Task BareSqlAsync(NpgsqlDataSource dataSource, Guid subjectId)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT seq, accessed_at, actor_id, actor_role, establishment_id, subject_id, category, operation, correlation_id FROM {PersistenceSetup.Schema}.{AccessLogTable.Name} WHERE subject_id = $1 ORDER BY seq DESC LIMIT {PageSize + 1}");
        command.Parameters.Add(new NpgsqlParameter { Value = subjectId });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            // read every row, as the application does
        }
    }

    /// <summary>
    /// Loads the records as the application's writer would: per batch, under the writers' advisory lock, the next
    /// batch number and the previous hash, one binary COPY, and the chain link — so the chain verifies afterwards.
    /// </summary>
    private static async Task LoadAsync(NpgsqlDataSource dataSource, SeededSchool school, long count, CancellationToken cancellationToken)
    {
        var random = new Random(9);
        var others = Enumerable.Range(0, 50_000).Select(_ => Guid.CreateVersion7()).ToArray();
        var actors = Enumerable.Range(0, 300).Select(_ => Guid.CreateVersion7()).ToArray();
        var categories = Enum.GetValues<DataCategory>();
        var now = DateTimeOffset.UtcNow;
        var table = $"{PersistenceSetup.Schema}.{AccessLogTable.Name}";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        for (long written = 0; written < count; written += BatchRows)
        {
            var records = new List<AccessRecord>((int)Math.Min(BatchRows, count - written));
            for (var r = 0; r < records.Capacity; r++)
            {
                var ours = random.Next(2) == 0;
                records.Add(new AccessRecord(
                    actors[random.Next(actors.Length)],
                    Role.Teacher,
                    ours ? school.EstablishmentId : null,
                    ours ? school.Students[random.Next(school.Students.Count)].Id : others[random.Next(others.Length)],
                    categories[random.Next(categories.Length)],
                    "Query.studentRecord",
                    Convert.ToHexString(BitConverter.GetBytes(random.NextInt64())),
                    new DateTimeOffset((now - TimeSpan.FromDays(120 * random.NextDouble())).UtcTicks / 10 * 10, TimeSpan.Zero)));
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            long batchId;
            byte[] previous;
            await using (var link = new NpgsqlCommand(
                $"SELECT pg_advisory_xact_lock(7219001); SELECT nextval('{table}_batch_seq'), (SELECT batch_hash FROM {table}_chain ORDER BY batch_id DESC LIMIT 1)", connection))
            await using (var reader = await link.ExecuteReaderAsync(cancellationToken))
            {
                await reader.NextResultAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                batchId = reader.GetInt64(0);
                previous = reader.IsDBNull(1) ? AccessChain.Genesis : (byte[])reader[1];
            }

            await AccessLogTable.CopyAsync(connection, PersistenceSetup.Schema, batchId, records, cancellationToken);

            await using (var chain = new NpgsqlCommand($"INSERT INTO {table}_chain (batch_id, row_count, previous_hash, batch_hash, written_at) VALUES ($1, $2, $3, $4, now())", connection))
            {
                chain.Parameters.Add(new NpgsqlParameter { Value = batchId });
                chain.Parameters.Add(new NpgsqlParameter { Value = records.Count });
                chain.Parameters.Add(new NpgsqlParameter { Value = previous });
                chain.Parameters.Add(new NpgsqlParameter { Value = AccessChain.HashBatch(previous, records) });
                await chain.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await using var analyze = new NpgsqlCommand($"ANALYZE {table}", connection);
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The plan of the application's query (its SQL as in <see cref="AccessHistory"/>) for one student, with its timing.</summary>
    private static async Task<string> PlanAsync(NpgsqlDataSource dataSource, SeededSchool school, long records, double loadSeconds)
    {
        await using var command = dataSource.CreateCommand(
            $"""
             EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
             SELECT seq, accessed_at, actor_id, actor_role, establishment_id, subject_id, category, operation, correlation_id
             FROM {PersistenceSetup.Schema}.{AccessLogTable.Name}
             WHERE ($1::uuid IS NULL OR subject_id = $1) AND ($2::uuid IS NULL OR actor_id = $2) AND ($3::uuid IS NULL OR establishment_id = $3)
               AND ($4::text IS NULL OR category = $4) AND ($5::timestamptz IS NULL OR accessed_at >= $5) AND ($6::timestamptz IS NULL OR accessed_at < $6)
               AND ($7::bigint IS NULL OR seq < $7)
             ORDER BY seq DESC
             LIMIT $8
             """);
        command.Parameters.Add(new NpgsqlParameter { Value = school.Students[0].Id, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = school.EstablishmentId, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = PageSize + 1 });
        var plan = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"Plan of `accessHistory`'s SQL for one student ({records:N0} records, {records / 2 / school.Students.Count:N0} about this student, loaded in {loadSeconds:F0} s):\n\n```\n"));
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            plan.AppendLine(reader.GetString(0));
        return plan.Append("```").ToString();
    }
}
