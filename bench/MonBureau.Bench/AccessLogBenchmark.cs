using System.Diagnostics;
using System.Globalization;
using JasperFx;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using MonBureau.Application.Auditing;
using MonBureau.Bench.Harness;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Database;
using Npgsql;

namespace MonBureau.Bench;

/// <summary>
/// How to store the access history (ADR 0012), measured side by side on one database: 32 concurrent requests, each
/// recording 5 reads and waiting until they are durable. Contenders: the group-committed binary COPY of
/// <see cref="AccessLog"/>; Marten event appends (one session per request); and, as the baseline, one plain
/// multi-row INSERT per request.
/// </summary>
internal sealed class AccessLogBenchmark : IBenchVerb
{
    private const int Clients = 32;
    private const int RecordsPerRequest = 5;

    public sealed record AccessRecorded(Guid ActorId, Guid SubjectId, string Category, string Operation, string CorrelationId);

    public string Name => "access-log";

    public string Summary => "access history write path: group-committed COPY and Marten appends vs a plain INSERT per request (ADR 0012)";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchSize size, CancellationToken cancellationToken)
    {
        var requestsPerClient = size.AccessLogRequests;
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        await using var database = await DatabaseSelection.ResolveAsync(configuration, NullLogger.Instance, null, cancellationToken);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);

        using var log = new AccessLog(dataSource, TimeProvider.System, NullLogger<AccessLog>.Instance, "bench");
        await log.StartAsync(CancellationToken.None);
        await using var store = DocumentStore.For(opts =>
        {
            opts.Connection(database.ConnectionString);
            opts.DatabaseSchemaName = "bench_marten";
            opts.AutoCreateSchemaObjects = AutoCreate.All;
            opts.Events.AppendMode = EventAppendMode.Quick;
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using (var create = dataSource.CreateCommand("CREATE TABLE IF NOT EXISTS bench.plain_access (accessed_at timestamptz, actor_id uuid, subject_id uuid, category text, operation text, correlation_id text)"))
            await create.ExecuteNonQueryAsync(cancellationToken);

        await RunAsync("warm-up", Math.Min(20, requestsPerClient), r => log.RecordAsync(r));
        var baseline = await RunAsync("baseline: one plain INSERT per request", requestsPerClient, r => PlainInsertAsync(dataSource, r));
        var copy = await RunAsync("AccessLog: group-committed binary COPY", requestsPerClient, r => log.RecordAsync(r));
        var marten = await RunAsync("Marten: 5 events appended per request", requestsPerClient, r => MartenAppendAsync(store, r));

        await log.StopAsync(CancellationToken.None);
        var figure = string.Create(CultureInfo.InvariantCulture, $"{Clients} clients × {requestsPerClient} requests × {RecordsPerRequest} records, durable before the read returns");
        var against = "plain INSERT per request: " + Load(baseline);
        return
        [
            new BenchRow($"access records written by `AccessLog` (group-committed binary COPY), {figure}", Load(copy), against, copy.RecordsPerSecond / baseline.RecordsPerSecond, "", null),
            new BenchRow("the same as Marten events, one session per request (rejected in ADR 0012)", Load(marten), against, marten.RecordsPerSecond / baseline.RecordsPerSecond, "", null),
        ];
    }

    private static string Load(Result result) =>
        string.Create(CultureInfo.InvariantCulture, $"{result.RecordsPerSecond:N0} records/s, p50 {result.P50:F1} ms, p99 {result.P99:F1} ms");

    private sealed record Result(string Name, double RecordsPerSecond, double P50, double P99);

    private static async Task<Result> RunAsync(string name, int requestsPerClient, Func<IReadOnlyList<AccessRecord>, Task> record)
    {
        var latencies = new List<double>();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            var mine = new List<double>(requestsPerClient);
            for (var i = 0; i < requestsPerClient; i++)
            {
                var records = Enumerable.Range(0, RecordsPerRequest).Select(_ => new AccessRecord(
                    Guid.CreateVersion7(), Role.Teacher, Guid.CreateVersion7(), Guid.CreateVersion7(), DataCategory.Absences, "Query.person", "bench", DateTimeOffset.UtcNow)).ToList();
                var started = Stopwatch.GetTimestamp();
                await record(records);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            lock (latencies)
                latencies.AddRange(mine);
        }));
        var seconds = watch.Elapsed.TotalSeconds;
        latencies.Sort();
        return new Result(name, latencies.Count * RecordsPerRequest / seconds, latencies[latencies.Count / 2], latencies[(int)(latencies.Count * 0.99)]);
    }

    private static async Task PlainInsertAsync(NpgsqlDataSource dataSource, IReadOnlyList<AccessRecord> records)
    {
        await using var batch = dataSource.CreateBatch();
        foreach (var r in records)
        {
            var command = new NpgsqlBatchCommand("INSERT INTO bench.plain_access VALUES ($1, $2, $3, $4, $5, $6)");
            command.Parameters.Add(new NpgsqlParameter { Value = r.AccessedAt });
            command.Parameters.Add(new NpgsqlParameter { Value = r.ActorId });
            command.Parameters.Add(new NpgsqlParameter { Value = r.SubjectId });
            command.Parameters.Add(new NpgsqlParameter { Value = r.Category.ToString() });
            command.Parameters.Add(new NpgsqlParameter { Value = r.Operation });
            command.Parameters.Add(new NpgsqlParameter { Value = r.CorrelationId });
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync();
    }

    private static async Task MartenAppendAsync(DocumentStore store, IReadOnlyList<AccessRecord> records)
    {
        await using var session = store.LightweightSession();
        session.Events.Append(records[0].ActorId, [.. records.Select(r => new AccessRecorded(r.ActorId, r.SubjectId, r.Category.ToString(), r.Operation, r.CorrelationId))]);
        await session.SaveChangesAsync();
    }
}
