using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MonBureau.Application.Auditing;
using MonBureau.Application.Indicators;
using MonBureau.Application.Privacy;
using MonBureau.Bench.Harness;
using MonBureau.Domain.Common;
using MonBureau.Domain.Homework;
using MonBureau.Domain.Identity;
using MonBureau.Domain.Indicators;
using MonBureau.Domain.People;
using MonBureau.Host.Database;
using MonBureau.Host.Setup;
using Npgsql;

namespace MonBureau.Bench;

/// <summary>
/// Rebuilding the indicator facts from the event log (ADR 0020), against the application's real Marten set-up in
/// process. Baseline, in the same run on the same log: one plain sequential read of the event table (every row's
/// type and JSON, no deserialisation). The log is a school year's worth of the events indicators read — enrolments,
/// sign-ins, homework set and handed in (with its sealed text) — appended through Marten as the commands would.
/// </summary>
internal sealed class IndicatorRebuildBenchmark : IBenchVerb
{
    private const int StudentsPerClass = 28;

    public string Name => "indicators-rebuild";

    public string Summary => "indicator facts rebuilt from the event log vs a plain sequential read of mt_events";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchSize size, CancellationToken cancellationToken)
    {
        var classes = size.Classes;
        var weeks = size.RebuildWeeks;
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        await using var database = await DatabaseSelection.ResolveAsync(configuration, NullLogger.Instance, null, cancellationToken);
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.AddMonBureauPersistence(database.ConnectionString, MasterKey.FromBase64(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        await using var app = builder.Build();
        await app.StartAsync(cancellationToken);
        try
        {
            var store = app.Services.GetRequiredService<IDocumentStore>();
            var watch = Stopwatch.StartNew();
            await SeedAsync(store, classes, weeks);
            Console.WriteLine($"Seeded {classes} classes × {StudentsPerClass} students over {weeks} weeks in {watch.Elapsed.TotalSeconds:F0} s.");

            await PlainReadAsync(database.ConnectionString); // warm-up
            await IndicatorRebuild.RunAsync(store, null, CancellationToken.None);
            var (events, plainSeconds) = await PlainReadAsync(database.ConnectionString);
            var openedSeconds = await OpenedReadAsync(store);
            var martenSeconds = await MartenReadAsync(store);
            var rebuild = await IndicatorRebuild.RunAsync(store, null, CancellationToken.None);

            var baseline = "sequential read of mt_events (type + JSON): " + BenchRow.Number(events / plainSeconds) + " events/s";
            return
            [
                new BenchRow(string.Create(CultureInfo.InvariantCulture, $"the rebuild's query with every sealed text opened (Marten query, deserialisation, decryption), {events:N0} events"),
                    BenchRow.Number(events / openedSeconds) + " events/s", baseline, plainSeconds / openedSeconds, "", null),
                new BenchRow(string.Create(CultureInfo.InvariantCulture, $"the rebuild's reads alone (the same query, personal data left sealed), {events:N0} events"),
                    BenchRow.Number(events / martenSeconds) + " events/s", baseline, plainSeconds / martenSeconds, "", null),
                new BenchRow(string.Create(CultureInfo.InvariantCulture, $"`rebuild-indicators` ({rebuild.EventsReplayed:N0} events replayed, {rebuild.FactsWritten:N0} facts written)"),
                    BenchRow.Number(rebuild.EventsPerSecond) + " events/s", baseline, rebuild.EventsPerSecond / (events / plainSeconds), "≥ 20,000 events/s", rebuild.EventsPerSecond >= 20_000),
            ];
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<(long Events, double Seconds)> PlainReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var watch = Stopwatch.StartNew();
        await using var command = new NpgsqlCommand($"SELECT seq_id, type, data FROM {PersistenceSetup.Schema}.mt_events ORDER BY seq_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        // Every value is read, so the baseline pays for the transfer the rebuild also pays for.
        long rows = 0, characters = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            characters += reader.GetString(1).Length + reader.GetString(2).Length;
        }

        return (rows, watch.Elapsed.TotalSeconds);
    }

    /// <summary>The rebuild's reads (<see cref="IndicatorRebuild.ReadBatchAsync"/>: personal data left sealed) to the end of the log.</summary>
    private static async Task<double> MartenReadAsync(IDocumentStore store)
    {
        var watch = Stopwatch.StartNew();
        long position = 0;
        while (true)
        {
            var batch = await IndicatorRebuild.ReadBatchAsync(store, position, long.MaxValue, 2_000, CancellationToken.None);
            if (batch.Count == 0)
                return watch.Elapsed.TotalSeconds;
            position = batch[^1].Sequence;
        }
    }

    /// <summary>The same query as the rebuild's, with every sealed text opened as any other reader of the log does: what the rebuild read before it left them sealed.</summary>
    private static async Task<double> OpenedReadAsync(IDocumentStore store)
    {
        var types = IndicatorFacts.SourceEventTypes.ToArray();
        var watch = Stopwatch.StartNew();
        long position = 0;
        while (true)
        {
            await using var session = store.QuerySession();
            var batch = await session.Events.QueryAllRawEvents()
                .Where(e => e.Sequence > position && e.EventTypesAre(types)).OrderBy(e => e.Sequence).Take(2_000).ToListAsync();
            if (batch.Count == 0)
                return watch.Elapsed.TotalSeconds;
            position = batch[^1].Sequence;
        }
    }

    private static async Task SeedAsync(IDocumentStore store, int classes, int weeks)
    {
        using var acting = ActingContext.Begin(Actor.SystemJob("bench-indicators"), Guid.CreateVersion7().ToString());
        var random = new Random(42);
        var establishmentId = Guid.CreateVersion7();
        var start = new DateTimeOffset(2026, 9, 7, 6, 0, 0, TimeSpan.Zero);
        for (var c = 0; c < classes; c++)
        {
            var classId = Guid.CreateVersion7();
            var teacherId = Guid.CreateVersion7();
            var students = Enumerable.Range(0, StudentsPerClass).Select(_ => Guid.CreateVersion7()).ToList();
            await using (var session = store.LightweightSession())
            {
                foreach (var student in students)
                {
                    session.Events.StartStream<Person>(student,
                        new PersonRegistered(student, PersonalData.Of(student, "Élève"), PersonalData.Of(student, "Banc d'essai")),
                        new StudentEnrolled(student, establishmentId, classId, start));
                }

                await session.SaveChangesAsync();
            }

            for (var week = 0; week < weeks; week++)
            {
                await using var session = store.LightweightSession();
                var monday = start.AddDays(7 * week);
                foreach (var student in students.Where(_ => random.NextDouble() < 0.8))
                    session.Events.Append(student, new SignInSucceeded(student, Role.Student, establishmentId, false, monday.AddHours(random.Next(0, 100))));
                for (var h = 0; h < 2; h++)
                {
                    var homeworkId = Guid.CreateVersion7();
                    var due = monday.AddDays(2 + h * 2).AddHours(10);
                    session.Events.StartStream<Homework>(homeworkId, new HomeworkAssigned(homeworkId, establishmentId, classId, teacherId, "Mathématiques", "Exercices",
                        PersonalData.Of(teacherId, "Exercices 1 à 5."), due, monday));
                    foreach (var student in students.Where(_ => random.NextDouble() < 0.85))
                    {
                        var id = HomeworkSubmission.IdFor(homeworkId, student);
                        session.Events.Append(id, new HomeworkSubmitted(id, homeworkId, establishmentId, student, PersonalData.Of(student, "Mes réponses."), [], due.AddHours(-5), false));
                    }
                }

                await session.SaveChangesAsync();
            }
        }
    }
}
