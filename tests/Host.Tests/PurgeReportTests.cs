using Marten;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Application.Auditing;
using MonBureau.Application.Privacy;
using MonBureau.Domain.Common;
using MonBureau.Domain.Messaging;
using MonBureau.Domain.Privacy;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>The dry run tells the privacy officer what the purge would erase, per category and per establishment.</summary>
[Collection(YearEndHost.Name)]
public class PurgeReportTests(AppFactory app)
{
    [Fact]
    public async Task The_dry_run_counts_what_is_due_in_each_establishment_by_its_own_retention_and_erases_nothing()
    {
        app.MoveToNext(DayOfWeek.Wednesday, 10);
        var brief = await FamilyScenario.CreateAsync(app);
        var usual = await FamilyScenario.CreateAsync(app);
        (await app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, brief.School.EstablishmentId)))
            .SendAsync("mutation { overrideRetention(category: MESSAGES, days: 90) { retentionPolicies { days } userErrors { code message } } }")).Ok();
        var briefThread = await SendAsync(brief);
        await SendAsync(usual);
        await SendAsync(usual);

        app.Clock.Advance(TimeSpan.FromDays(100));
        var early = await RetentionPurges.RunAsync(app, dryRun: true);
        app.Clock.Advance(TimeSpan.FromDays(270));
        var late = await RetentionPurges.RunAsync(app, dryRun: true);

        Assert.Equal(1, Messages(early, brief));
        Assert.Equal(0, Messages(early, usual));
        Assert.Equal((1, 2), (Messages(late, brief), Messages(late, usual)));
        var line = Assert.Single(late.ByEstablishment, c => c.Category == RetentionCategory.Messages && c.EstablishmentId == usual.School.EstablishmentId);
        Assert.Matches("^[0-9]{7}[A-Z]$", line.Uai);
        foreach (var report in new[] { early, late })
        {
            Assert.All(report.ByEstablishment.Where(c => c.Category is RetentionCategory.AccountData or RetentionCategory.AccessHistory), c => Assert.Null(c.EstablishmentId));
            Assert.All(report.Due, due => Assert.Equal(due.Value, report.ByEstablishment.Where(c => c.Category == due.Key).Sum(c => c.Count)));
        }

        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.False((await session.LoadAsync<MessageThread>(briefThread))!.Purged);
    }

    private static long Messages(PurgeReport report, FamilyScenario family) =>
        report.ByEstablishment.SingleOrDefault(c => c.Category == RetentionCategory.Messages && c.EstablishmentId == family.School.EstablishmentId)?.Count ?? 0;

    private async Task<Guid> SendAsync(FamilyScenario family) => SchoolScenario.IdOf((await app.Client(family.CpeToken).SendAsync(
        "mutation($i: SendMessageInput!) { sendMessage(input: $i) { messageThread { id } userErrors { code message } } }",
        new { i = new { subject = "Sortie", body = "Départ à 8h.", recipients = new[] { new { kind = "PERSON", id = family.GuardianId } } } })).Ok()["sendMessage"]!["messageThread"]);
}
