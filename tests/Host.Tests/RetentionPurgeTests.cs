using Microsoft.Extensions.DependencyInjection;
using MonBureau.Application.Privacy;
using MonBureau.Domain.Privacy;
using MonBureau.Host.Tests.Infrastructure;
using MonBureau.Host.Tests.Samples;

namespace MonBureau.Host.Tests;

[Collection(AppHost.Name)]
public class RetentionPurgeTests(AppFactory app)
{
    private Task<PurgeReport> PurgeAsync(bool dryRun) => RetentionPurges.RunAsync(app, dryRun);

    [Fact]
    public async Task Three_months_after_a_student_leaves_the_purge_erases_their_account_data_once()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var name = $"Partant{Guid.NewGuid():N}"[..20];
        var roster = $"{SampleRoster.Header}\n5234567890E;{name};Jules;01/02/2010;2nde 2;;;;;;;;;;;;\n";
        var import = "mutation($i: ImportStudentRosterInput!) { importStudentRoster(input: $i) { importReport { studentsLeft } userErrors { code message } } }";
        var admin = app.Client(school.AdminToken);
        (await admin.SendAsync(import, new { i = new { establishmentId = school.EstablishmentId, csv = roster } })).Ok();
        var studentId = await StudentIdAsync(school.EstablishmentId);
        var (login, _) = await Accounts.ReadyAsync(app, school.AdminToken, studentId);
        (await admin.SendAsync(import, new { i = new { establishmentId = school.EstablishmentId, csv = $"{SampleRoster.Header}\n" } })).Ok();

        var tooEarly = (await PurgeAsync(dryRun: true)).Due[RetentionCategory.AccountData];
        app.Clock.Advance(TimeSpan.FromDays(91));
        var dueNow = (await PurgeAsync(dryRun: true)).Due[RetentionCategory.AccountData];
        var erased = (await PurgeAsync(dryRun: false)).Due[RetentionCategory.AccountData];
        var again = (await PurgeAsync(dryRun: false)).Due[RetentionCategory.AccountData];

        Assert.True(dueNow > tooEarly, "the account becomes due only after 3 months");
        Assert.True(erased >= 1);
        Assert.Equal(0, again);
        Assert.Equal("INVALID_CREDENTIALS", (await Accounts.SignInAsync(app, login)).FirstErrorCode);
        Assert.Empty(await DatabaseScan.TablesContainingAsync(app.ConnectionString, name));
    }

    private async Task<Guid> StudentIdAsync(Guid establishmentId)
    {
        await using var session = app.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        var entries = await Marten.QueryableExtensions.ToListAsync(session.Query<MonBureau.Application.Importing.RosterEntry>().Where(e => e.EstablishmentId == establishmentId));
        return Assert.Single(entries).PersonId;
    }
}
