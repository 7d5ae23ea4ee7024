using Marten;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Application.Auditing;
using MonBureau.Application.Importing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;
using MonBureau.Host.Tests.Samples;

namespace MonBureau.Host.Tests;

[Collection(AppHost.Name)]
public class ScheduleImportTests(AppFactory app)
{
    private const string Import = """
        mutation($i: ImportTeachingScheduleInput!) { importTeachingSchedule(input: $i) {
          scheduleImportReport {
            changes teachersRegistered groupsCreated teachingsAssigned teachingsWithdrawn slotsScheduled slotsCancelled
            rejected { lineNumber reason } needsReview { lineNumber reason } }
          userErrors { code message }
        } }
        """;

    private static string Sample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", name));

    private async Task<GraphQLResponse> ImportAsync(SchoolScenario school, string csv) =>
        await app.Client(school.AdminToken).SendAsync(Import, new { i = new { establishmentId = school.EstablishmentId, csv } });

    private async Task<Guid> TeacherAsync(Guid establishmentId, string key)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.LoadAsync<StaffRosterEntry>(StaffRosterEntry.IdFor(establishmentId, key)))!.PersonId;
    }

    [Fact]
    public void The_shipped_schedule_sample_is_the_generator_s_output()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "Samples", SampleSchedule.FileName);
        var generated = SampleSchedule.Generate();
        if (!File.Exists(source) || File.ReadAllText(source) != generated)
            File.WriteAllText(source + ".received", generated);

        Assert.True(File.Exists(source) && File.ReadAllText(source) == generated, $"Regenerated sample differs: review {source}.received.");
    }

    [Fact]
    public async Task The_sample_lycee_imports_its_teachers_and_timetable_then_reimports_with_no_change()
    {
        var school = await SchoolScenario.CreateAsync(app);
        // The classes the roster import would create; importing the roster sample itself here would make its parents
        // homonyms of the roster test's, which that test would rightly leave for review.
        foreach (var name in SampleSchedule.Classes().Skip(1))
        {
            (await app.Client(school.AdminToken).SendAsync(
                "mutation($i: CreateClassInput!) { createClass(input: $i) { schoolClass { id } userErrors { code message } } }",
                new { i = new { establishmentId = school.EstablishmentId, name } })).Ok();
        }

        var first = (await ImportAsync(school, Sample(SampleSchedule.FileName))).Ok()["importTeachingSchedule"]!["scheduleImportReport"]!;
        var second = (await ImportAsync(school, Sample(SampleSchedule.FileName))).Ok()["importTeachingSchedule"]!["scheduleImportReport"]!;

        Assert.Empty(first["rejected"]!.AsArray());
        Assert.Empty(first["needsReview"]!.AsArray());
        Assert.InRange(first["teachersRegistered"]!.GetValue<int>(), 110, 130);
        Assert.Equal(1, first["groupsCreated"]!.GetValue<int>());
        Assert.Equal(50 * 25 + 2, first["slotsScheduled"]!.GetValue<int>());
        Assert.Equal(0, second["changes"]!.GetValue<int>());

        var teacher = app.Client(app.TokenFor(new Actor(await TeacherAsync(school.EstablishmentId, "E1000"), Role.Teacher, school.EstablishmentId)));
        var timetable = (await teacher.SendAsync("{ myTimetable { subject day start end room week } }")).Ok()["myTimetable"]!.AsArray();
        var classes = (await teacher.SendAsync("{ classes { nodes { name } } }")).Ok()["classes"]!["nodes"]!.AsArray();
        Assert.NotEmpty(timetable);
        Assert.All(timetable, slot => Assert.Equal("Mathématiques", slot!["subject"]!.GetValue<string>()));
        Assert.NotEmpty(classes);
    }

    [Fact]
    public async Task A_moved_lesson_is_one_slot_cancelled_and_one_scheduled_and_a_student_sees_their_class_timetable()
    {
        var school = await SchoolScenario.CreateAsync(app);
        // A name of its own: names are matched across establishments, and other tests import teachers too.
        var name = $"Koenig{Guid.NewGuid():N}"[..16];
        var csv = $"{SampleSchedule.Header}\nE1;{name};Paul;Mathématiques;2nde 1;LUNDI;08:00;09:00;S101;\nE1;{name};Paul;Mathématiques;2nde 1;MARDI;10:00;11:00;S101;\n";
        (await ImportAsync(school, csv)).Ok();

        var report = (await ImportAsync(school, csv.Replace("MARDI;10:00;11:00", "JEUDI;14:00;15:00", StringComparison.Ordinal))).Ok()["importTeachingSchedule"]!["scheduleImportReport"]!;
        var timetable = (await app.Client(school.StudentToken).SendAsync("{ myTimetable { day start } }")).Ok()["myTimetable"]!.AsArray();

        Assert.Equal(1, report["slotsCancelled"]!.GetValue<int>());
        Assert.Equal(1, report["slotsScheduled"]!.GetValue<int>());
        Assert.Equal(["MONDAY 08:00", "THURSDAY 14:00"], timetable.Select(s => $"{s!["day"]!.GetValue<string>()} {s["start"]!.GetValue<string>()}"));
    }

    [Fact]
    public async Task A_new_identifier_with_the_name_of_an_existing_teacher_is_left_for_review()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var csv = $"{SampleSchedule.Header}\nE42;Muller;Claire;Mathématiques;2nde 1;LUNDI;08:00;09:00;S101;\nE43;Keller;Anne;SVT;2nde 1;DIMANCHE;08:00;09:00;;\n";

        var report = (await ImportAsync(school, csv)).Ok()["importTeachingSchedule"]!["scheduleImportReport"]!;

        Assert.Equal(0, report["teachersRegistered"]!.GetValue<int>());
        Assert.Equal(2, Assert.Single(report["needsReview"]!.AsArray())!["lineNumber"]!.GetValue<int>());
        Assert.Equal(3, Assert.Single(report["rejected"]!.AsArray())!["lineNumber"]!.GetValue<int>());

        (await app.Client(school.AdminToken).SendAsync(
            "mutation($e: ID!, $p: ID!) { linkStaffImportKey(establishmentId: $e, personId: $p, importKey: \"E42\") { person { id } userErrors { code message } } }",
            new { e = school.EstablishmentId, p = school.TeacherId })).Ok();
        var resolved = (await ImportAsync(school, csv)).Ok()["importTeachingSchedule"]!["scheduleImportReport"]!;
        Assert.Empty(resolved["needsReview"]!.AsArray());
        Assert.Equal(1, resolved["slotsScheduled"]!.GetValue<int>());
    }
}
