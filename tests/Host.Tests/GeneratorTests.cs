using Marten;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Application;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.People;
using MonBureau.Host.Generation;
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
    public async Task The_bulk_path_and_the_command_path_give_the_same_event_mix_and_the_bulk_path_seals_personal_data()
    {
        var commands = await GenerateAsync(Options(NextMonday(app.Clock.GetUtcNow())) with { Weeks = 1, Path = GenerationPath.Commands });
        var bulk = await GenerateAsync(Options(NextMonday(app.Clock.GetUtcNow())) with { Weeks = 1 });

        Assert.Equal(commands.EventMix, bulk.EventMix);
        Assert.Equal(commands.AccessRecords, bulk.AccessRecords);
        Assert.Equal(commands.Commands, bulk.Commands);
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
