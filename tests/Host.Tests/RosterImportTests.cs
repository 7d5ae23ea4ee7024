using Marten;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Host.Tests.Infrastructure;
using MonBureau.Host.Tests.Samples;

namespace MonBureau.Host.Tests;

[Collection(AppHost.Name)]
public class RosterImportTests(AppFactory app)
{
    private const string Import = """
        mutation($i: ImportStudentRosterInput!) { importStudentRoster(input: $i) {
          importReport {
            changes classesCreated studentsEnrolled studentsMoved studentsLeft guardiansAdded guardianRightsChanged guardianshipsEnded
            rejected { lineNumber reason } needsReview { lineNumber reason } }
          userErrors { code message }
        } }
        """;

    private static string SamplePath() => Path.Combine(AppContext.BaseDirectory, "Samples", SampleRoster.FileName);

    private async Task<long> EventCountAsync()
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync();
    }

    private async Task<GraphQLResponse> ImportAsync(SchoolScenario school, string csv) =>
        await app.Client(school.AdminToken).SendAsync(Import, new { i = new { establishmentId = school.EstablishmentId, csv } });

    [Fact]
    public void The_shipped_sample_is_the_generator_s_output()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "Samples", SampleRoster.FileName);
        var generated = SampleRoster.Generate();
        if (!File.Exists(source) || File.ReadAllText(source) != generated)
            File.WriteAllText(source + ".received", generated);

        Assert.True(File.Exists(source) && File.ReadAllText(source) == generated, $"Regenerated sample differs: review {source}.received.");
    }

    [Fact]
    public async Task A_lycee_of_1500_students_imports_then_reimports_with_no_change()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var csv = await File.ReadAllTextAsync(SamplePath());

        var first = (await ImportAsync(school, csv)).Ok()["importStudentRoster"]!["importReport"]!;
        var eventsAfterFirst = await EventCountAsync();
        var second = (await ImportAsync(school, csv)).Ok()["importStudentRoster"]!["importReport"]!;

        Assert.Equal(1500, first["studentsEnrolled"]!.GetValue<int>());
        Assert.Equal(50, first["classesCreated"]!.GetValue<int>() + 1); // the scenario's « 2nde 1 » already existed
        Assert.InRange(first["guardiansAdded"]!.GetValue<int>(), 2500, 3000);
        Assert.Empty(first["rejected"]!.AsArray());
        Assert.Equal(0, second["changes"]!.GetValue<int>());
        Assert.Equal(eventsAfterFirst, await EventCountAsync());
    }

    [Fact]
    public async Task A_changed_file_applies_only_the_differences()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var lines = (await File.ReadAllTextAsync(SamplePath())).Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(41).ToList();
        (await ImportAsync(school, string.Join('\n', lines))).Ok();
        var moved = lines[1].Split(';');
        moved[4] = "Tle 9";
        var newGuardian = lines[3].Split(';');
        string[] addedGuardian = ["R999999", "Nouveau", "Parent", "O", "N", "O"];
        addedGuardian.CopyTo(newGuardian, 11);
        var changed = new List<string>(lines) { [1] = string.Join(';', moved), [3] = string.Join(';', newGuardian) };
        changed.RemoveAt(2);
        var eventsBefore = await EventCountAsync();

        var report = (await ImportAsync(school, string.Join('\n', changed))).Ok()["importStudentRoster"]!["importReport"]!;

        Assert.Equal(1, report["studentsMoved"]!.GetValue<int>());
        Assert.Equal(1, report["studentsLeft"]!.GetValue<int>());
        Assert.True(report["guardiansAdded"]!.GetValue<int>() >= 1);
        Assert.True(await EventCountAsync() - eventsBefore < 12, "only the differences are appended");
    }

    [Fact]
    public async Task Bad_lines_come_back_with_their_number_and_reason_and_the_rest_imports()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var csv = $"{SampleRoster.Header}\n1234567890A;Durand;Léa;01/02/2010;2nde 2;R1;Durand;Sophie;O;O;O;;;;;;\nPAS-UN-INE;Martin;Hugo;01/02/2010;2nde 2;;;;;;;;;;;;\n2234567890B;Petit;Emma;01/02/2010;2nde 2;R2;Petit;Karim;peut-être;O;O;;;;;;\n";

        var report = (await ImportAsync(school, csv)).Ok()["importStudentRoster"]!["importReport"]!;

        Assert.Equal(1, report["studentsEnrolled"]!.GetValue<int>());
        Assert.Collection(report["rejected"]!.AsArray(),
            line => Assert.Equal(3, line!["lineNumber"]!.GetValue<int>()),
            line => Assert.Contains("RESP1_LEGAL", line!["reason"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_malformed_file_changes_nothing()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var eventsBefore = await EventCountAsync();

        var response = await ImportAsync(school, "nom,prenom,classe\nDurand,Léa,2nde 2\n");

        Assert.Equal("VALIDATION", response.FirstErrorCode);
        Assert.Equal(eventsBefore, await EventCountAsync());
    }

    [Fact]
    public async Task A_parent_already_known_elsewhere_is_not_duplicated_but_left_for_review_then_linked_once()
    {
        var first = await SchoolScenario.CreateAsync(app);
        var second = await SchoolScenario.CreateAsync(app);
        var parent = $"Parent{Guid.NewGuid():N}"[..20];
        (await ImportAsync(first, $"{SampleRoster.Header}\n3234567890C;{parent};Léa;01/02/2010;2nde 2;R10;{parent};Sophie;O;O;O;;;;;;\n")).Ok();
        var sibling = $"{SampleRoster.Header}\n4234567890D;{parent};Hugo;01/02/2012;2nde 3;R77;{parent};Sophie;O;O;O;;;;;;\n";

        var report = (await ImportAsync(second, sibling)).Ok()["importStudentRoster"]!["importReport"]!;

        Assert.Equal(0, report["guardiansAdded"]!.GetValue<int>());
        Assert.Equal(2, Assert.Single(report["needsReview"]!.AsArray())!["lineNumber"]!.GetValue<int>());
    }
}
