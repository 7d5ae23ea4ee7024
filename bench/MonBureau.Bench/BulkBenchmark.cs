using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MonBureau.Application.Privacy;
using MonBureau.Bench.Harness;
using MonBureau.Host.Database;
using MonBureau.Host.Generation;
using MonBureau.Host.Setup;
using Npgsql;
using NpgsqlTypes;

namespace MonBureau.Bench;

/// <summary>
/// The generator's bulk path (ADR 0029) against plain PostgreSQL binary COPY, in process and in the same run. The
/// contender generates a lycée of <c>--students</c> over <c>--weeks</c> through the bulk path (decisions by the domain
/// functions, a phase of the day per Marten session, inline projections included); the baseline copies the very rows
/// it appended (each event's type, JSON and envelope columns) into a table shaped like <c>mt_events</c> with binary COPY.
/// </summary>
internal sealed class BulkBenchmark : IBenchVerb
{
    public string Name => "bulk";

    public string Summary => "the generator's bulk path (events/s) vs binary COPY of the same rows";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchSize size, CancellationToken cancellationToken)
    {
        var students = size.BulkStudents;
        var weeks = size.BulkWeeks;
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        await using var database = await DatabaseSelection.ResolveAsync(configuration, NullLogger.Instance, null, cancellationToken);
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.AddMonBureauPersistence(database.ConnectionString, MasterKey.FromBase64(Key()));
        builder.Services.AddSingleton<GenerationClock>();
        builder.Services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<GenerationClock>());
        builder.AddMonBureauApi(Key());
        await using var app = builder.Build();
        await app.StartAsync(cancellationToken);
        try
        {
            var clock = app.Services.GetRequiredService<GenerationClock>();
            var options = new GenerationOptions(1, 1, weeks, students, new DateOnly(2026, 9, 7));
            // Warm-up: a tiny school, so the contender does not pay the first compilation of each handler and projection.
            await new SchoolYearGenerator(app.Services, clock.Set, null).RunAsync(options with { Students = 8, Weeks = 1, Seed = 2 }, cancellationToken);
            var first = await ScalarAsync(database.ConnectionString, $"SELECT coalesce(max(seq_id), 0) FROM {PersistenceSetup.Schema}.mt_events") + 1;
            var summary = await new SchoolYearGenerator(app.Services, clock.Set, null).RunAsync(options, cancellationToken);
            var (rows, copySeconds) = await CopyAsync(database.ConnectionString, first);
            var generated = summary.Events / summary.Elapsed.TotalSeconds;
            var copied = rows / copySeconds;

            return
            [
                new BenchRow(
                    string.Create(CultureInfo.InvariantCulture, $"generate, bulk path ({summary.Events:N0} events, {summary.Commands:N0} commands decided, {students} students, {weeks} week(s), inline projections included)"),
                    $"{BenchRow.Number(generated)} events/s",
                    $"binary COPY of the same rows into a table shaped like mt_events: {BenchRow.Number(copied)} rows/s",
                    generated / copied,
                    "≥ 50,000 events/s and ≥ 0.50",
                    generated >= 50_000 && generated / copied >= 0.5),
            ];
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Reads the generated rows, then times only their COPY into a fresh table with the event table's columns.</summary>
    private static async Task<(long Rows, double Seconds)> CopyAsync(string connectionString, long firstEvent)
    {
        var rows = new List<(Guid Id, Guid Stream, long Version, string Type, string Data, DateTimeOffset At, string? Headers, string? User)>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var read = new NpgsqlCommand(
            $"SELECT id, stream_id, version, type, data::text, timestamp, headers::text, user_name FROM {PersistenceSetup.Schema}.mt_events WHERE seq_id >= $1 ORDER BY seq_id", connection))
        {
            read.Parameters.AddWithValue(firstEvent);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        await using (var create = new NpgsqlCommand("""
            DROP TABLE IF EXISTS bench_events;
            CREATE TABLE bench_events (seq_id bigserial PRIMARY KEY, id uuid NOT NULL, stream_id uuid NOT NULL, version bigint NOT NULL, type varchar NOT NULL,
              data jsonb NOT NULL, timestamp timestamptz NOT NULL, headers jsonb, user_name varchar, UNIQUE (stream_id, version));
            """, connection))
            await create.ExecuteNonQueryAsync();

        var watch = Stopwatch.StartNew();
        await using (var copy = await connection.BeginBinaryImportAsync("COPY bench_events (id, stream_id, version, type, data, timestamp, headers, user_name) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(row.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(row.Stream, NpgsqlDbType.Uuid);
                await copy.WriteAsync(row.Version, NpgsqlDbType.Bigint);
                await copy.WriteAsync(row.Type, NpgsqlDbType.Varchar);
                await copy.WriteAsync(row.Data, NpgsqlDbType.Jsonb);
                await copy.WriteAsync(row.At, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(row.Headers, NpgsqlDbType.Jsonb);
                await copy.WriteAsync(row.User, NpgsqlDbType.Varchar);
            }

            await copy.CompleteAsync();
        }

        return (rows.Count, watch.Elapsed.TotalSeconds);
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
