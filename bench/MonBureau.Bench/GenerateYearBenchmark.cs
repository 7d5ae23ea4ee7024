using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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

namespace MonBureau.Bench;

/// <summary>
/// The generator's year of one lycée through the bulk path (ADR 0029), against plain PostgreSQL binary COPY of the
/// same rows, in process and in the same run. The contender generates <see cref="BenchSize.YearStudents"/> students
/// over <see cref="BenchSize.YearWeeks"/> weeks (the whole school year at <c>lycee</c>): imports, decisions by the
/// domain functions, a phase of the day per Marten session, inline projections and recorded reads included. The
/// baseline copies the very rows it appended (each event's type, JSON and envelope columns) into a table shaped
/// like <c>mt_events</c>, chunk by chunk, timing only the COPY. The event mix is written under the table.
/// </summary>
internal sealed class GenerateYearBenchmark : IBenchVerb
{
    private const int CopyChunk = 20_000;

    public string Name => "generate-year";

    public string Summary => "the generator's school year of one lycée through the bulk path (events/s) vs binary COPY of the same rows";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchSize size, CancellationToken cancellationToken)
    {
        var students = size.YearStudents;
        var weeks = size.YearWeeks;
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
            var summary = await new SchoolYearGenerator(app.Services, clock.Set, new Progress(weeks * 5)).RunAsync(options, cancellationToken);
            var (rows, copySeconds) = await CopyAsync(database.ConnectionString, first);
            var generated = summary.Events / summary.Elapsed.TotalSeconds;
            var copied = rows / copySeconds;
            BenchNotes.Add(EventMix(summary, students, weeks));

            return
            [
                new BenchRow(
                    string.Create(CultureInfo.InvariantCulture,
                        $"generate, bulk path: {students:N0} students, {weeks} week(s) ({summary.Events:N0} events, {summary.Commands:N0} commands decided, {summary.AccessRecords:N0} reads recorded, in {summary.Elapsed.TotalSeconds:F0} s; imports, inline projections and recorded reads included)"),
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

    /// <summary>The event mix and volume: per type, the count, its share and its rate per school day.</summary>
    private static string EventMix(GenerationSummary summary, int students, int weeks)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Event mix of `generate-year` ({students:N0} students, {weeks} week(s), {summary.SchoolDays} school days; {summary.Events:N0} events, {summary.Commands:N0} commands, {summary.AccessRecords:N0} reads recorded in the access history):");
        text.AppendLine();
        text.AppendLine("| event type | count | share | per school day |");
        text.AppendLine("|---|---|---|---|");
        foreach (var (type, count) in summary.EventMix)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {type} | {count:N0} | {100.0 * count / summary.Events:F1} % | {(double)count / summary.SchoolDays:N1} |");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>
    /// Copies the generated rows into a fresh table with the event table's columns, a chunk at a time (a year does not
    /// fit in memory as rows): each chunk is read first, then only its COPY is timed.
    /// </summary>
    private static async Task<(long Rows, double Seconds)> CopyAsync(string connectionString, long firstEvent)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("""
            DROP TABLE IF EXISTS bench_events;
            CREATE TABLE bench_events (seq_id bigserial PRIMARY KEY, id uuid NOT NULL, stream_id uuid NOT NULL, version bigint NOT NULL, type varchar NOT NULL,
              data jsonb NOT NULL, timestamp timestamptz NOT NULL, headers jsonb, user_name varchar, UNIQUE (stream_id, version));
            """, connection))
            await create.ExecuteNonQueryAsync();

        long rows = 0;
        var copying = new Stopwatch();
        var from = firstEvent;
        while (await ChunkAsync(connection, from) is var (count, last) && count > 0)
        {
            // The chunk as binary COPY sends it, read out of mt_events untimed; then its COPY into the table, timed.
            using var chunk = new MemoryStream();
            await using (var outbound = await connection.BeginRawBinaryCopyAsync(
                $"COPY (SELECT id, stream_id, version, type, data, timestamp, headers, user_name FROM {PersistenceSetup.Schema}.mt_events WHERE seq_id BETWEEN {from} AND {last} ORDER BY seq_id) TO STDOUT (FORMAT BINARY)"))
                await outbound.CopyToAsync(chunk);
            chunk.Position = 0;
            copying.Start();
            await using (var inbound = await connection.BeginRawBinaryCopyAsync("COPY bench_events (id, stream_id, version, type, data, timestamp, headers, user_name) FROM STDIN (FORMAT BINARY)"))
                await chunk.CopyToAsync(inbound);
            copying.Stop();
            rows += count;
            from = last + 1;
        }

        return (rows, copying.Elapsed.TotalSeconds);
    }

    /// <summary>How many of the next <see cref="CopyChunk"/> events from <paramref name="from"/> there are, and the last one's sequence.</summary>
    private static async Task<(long Count, long Last)> ChunkAsync(NpgsqlConnection connection, long from)
    {
        await using var select = new NpgsqlCommand(
            $"SELECT count(*), coalesce(max(seq_id), 0) FROM (SELECT seq_id FROM {PersistenceSetup.Schema}.mt_events WHERE seq_id >= $1 ORDER BY seq_id LIMIT {CopyChunk}) c", connection);
        select.Parameters.AddWithValue(from);
        await using var reader = await select.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A line a school week, so a year's run shows where it is and how fast it goes.</summary>
    private sealed class Progress(int days) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value)
        {
            if (value.DaysDone % 5 == 0 || value.DaysDone == days)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  week {value.DaysDone / 5} of {days / 5}: {value.Events:N0} events, {value.EventsPerSecond:N0} events/s, {value.Elapsed.TotalSeconds:F0} s, about {value.Remaining?.TotalMinutes ?? 0:F1} min left"));
            }
        }
    }
}
