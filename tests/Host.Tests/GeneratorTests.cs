using Marten;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Application;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.People;
using MonBureau.Domain.Attendance;
using MonBureau.Domain.Homework;
using MonBureau.Host.Generation;
using MonBureau.Projections.Notifications;
using MonBureau.Host.Tests.Infrastructure;
using Npgsql;

namespace MonBureau.Host.Tests;

/// <summary>The generate verb's school year at a tiny size, on a host of its own since it moves the clock by weeks.</summary>
[Collection(GeneratedYearHost.Name)]
public class GeneratorTests(AppFactory app)
{
    [Fact]
    public async Task A_fortnight_generated_through_the_bulk_path_is_visible_through_the_api_and_the_same_seed_gives_the_same_event_mix()
    {
        var first = Options(NextMonday(app.Clock.GetUtcNow()));
        var summary = await GenerateAsync(first);
        var again = await GenerateAsync(Options(first.FirstMonday.AddDays(21)));

        Assert.Equal(summary.EventMix, again.EventMix);
        Assert.Equal(summary.AccessRecords, again.AccessRecords);
        foreach (var type in new[] { "roll_call_taken", "lesson_log_entry_written", "homework_assigned", "homework_submitted", "submission_feedback_given",
                     "absence_recorded", "absence_justification_submitted", "absence_justification_accepted", "message_posted", "sign_in_succeeded" })
            Assert.Contains(summary.EventMix, e => e.Type == type && e.Count > 0);
        Assert.True(summary.AccessRecords > 0);

        var (establishmentId, studentId) = await GeneratedStudentAsync(first);
        var student = app.Client(app.TokenFor(new Actor(studentId, Role.Student, establishmentId)));
        var data = (await student.SendAsync("""
            { myHomework(first: 100, includePast: true) { nodes { id } } myLessonLog(first: 100) { nodes { id } }
              studentHome { workDue { id } recentFeedback { id } } }
            """)).Ok();
        Assert.NotEmpty(data["myHomework"]!["nodes"]!.AsArray());
        Assert.NotEmpty(data["myLessonLog"]!["nodes"]!.AsArray());
        Assert.NotEmpty(data["studentHome"]!["recentFeedback"]!.AsArray());
    }

    [Fact]
    public async Task The_bulk_path_and_the_command_path_give_the_same_event_mix_and_notifications_and_the_bulk_path_seals_personal_data()
    {
        var commandOptions = Options(NextMonday(app.Clock.GetUtcNow())) with { Weeks = 1, Path = GenerationPath.Commands };
        var commands = await GenerateAsync(commandOptions);
        var bulkOptions = Options(NextMonday(app.Clock.GetUtcNow())) with { Weeks = 1 };
        var bulk = await GenerateAsync(bulkOptions);

        Assert.Equal(commands.EventMix, bulk.EventMix);
        Assert.Equal(commands.AccessRecords, bulk.AccessRecords);
        Assert.Equal(commands.Commands, bulk.Commands);
        // The notification projection takes a session's events as one page: one command's on the command path, a
        // phase of the day's hundreds on the bulk path. On both, each absence, lateness and returned work tells the
        // student's guardians (and the student, for returned work), whatever else is on the page.
        await AssertFamiliesToldAsync(commandOptions);
        await AssertFamiliesToldAsync(bulkOptions);
        await using var command = app.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "SELECT count(*) FROM monbureau.mt_events WHERE type = 'homework_submitted' AND data::text LIKE '%Mes réponses%'");
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    private static GenerationOptions Options(DateOnly firstMonday) => new(Establishments: 1, Seed: 9, Weeks: 2, Students: 8, firstMonday);

    private async Task<GenerationSummary> GenerateAsync(GenerationOptions options) =>
        await new SchoolYearGenerator(app.Services, app.Clock.SetUtcNow, null).RunAsync(options, CancellationToken.None);

    private async Task<(Guid EstablishmentId, Guid StudentId)> GeneratedStudentAsync(GenerationOptions options)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var establishmentId = (await session.LoadAsync<UniqueClaim>(UniqueClaim.ForUai(options.Uai(0))))!.OwnerId;
        var classId = (await session.Query<SchoolClass>().Where(c => c.EstablishmentId == establishmentId).FirstAsync()).Id;
        return (establishmentId, (await session.Query<Person>().Where(p => p.ClassId == classId).FirstAsync()).Id);
    }

    private async Task AssertFamiliesToldAsync(GenerationOptions options)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var establishmentId = (await session.LoadAsync<UniqueClaim>(UniqueClaim.ForUai(options.Uai(0))))!.OwnerId;
        var guardians = (await session.Query<Person>().Where(p => p.Children.Any()).ToListAsync())
            .SelectMany(g => g.Children.Where(c => c.EstablishmentId == establishmentId).Select(c => (c.StudentId, GuardianId: g.Id)))
            .ToLookup(x => x.StudentId, x => x.GuardianId);
        var notifications = (await session.Query<Notification>().Where(n => n.EstablishmentId == establishmentId).ToListAsync()).ToLookup(n => n.Kind);
        var absent = await StudentsOfAsync<AbsenceRecorded>(session, establishmentId, e => e.StudentId);
        var late = await StudentsOfAsync<LatenessRecorded>(session, establishmentId, e => e.StudentId);
        var returned = await StudentsOfAsync<SubmissionFeedbackGiven>(session, establishmentId, e => e.StudentId);

        Assert.NotEmpty(absent);
        Assert.NotEmpty(returned);
        Assert.Equal(absent.Sum(s => guardians[s].Count()), notifications["absence.recorded"].Count());
        Assert.Equal(late.Sum(s => guardians[s].Count()), notifications["lateness.recorded"].Count());
        Assert.Equal(returned.Sum(s => 1 + guardians[s].Count()), notifications["feedback.given"].Count());
        Assert.All(notifications["absence.recorded"], n => Assert.Contains(n.RecipientId, guardians[n.SourceId]));
    }

    private static async Task<IReadOnlyList<Guid>> StudentsOfAsync<TEvent>(IQuerySession session, Guid establishmentId, Func<TEvent, Guid> student)
        where TEvent : class, IEstablishmentScoped =>
        [.. (await session.Events.QueryRawEventDataOnly<TEvent>().Where(e => e.EstablishmentId == establishmentId).ToListAsync()).Select(student)];

    private static DateOnly NextMonday(DateTimeOffset now)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1);
        while (day.DayOfWeek != DayOfWeek.Monday)
            day = day.AddDays(1);
        return day;
    }
}

[CollectionDefinition(Name)]
public sealed class GeneratedYearHost : ICollectionFixture<AppFactory>
{
    public const string Name = "generated-year";
}
