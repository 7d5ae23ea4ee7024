using Marten;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Messaging;
using MonBureau.Host.Tests.Infrastructure;
using Npgsql;

namespace MonBureau.Host.Tests;

/// <summary>Purges and the event log's chain: a purge's masking is recorded as a reseal; its dry run is a query for the privacy officer.</summary>
[Collection(YearEndHost.Name)]
public class EventLogPurgeTests(AppFactory app)
{
    private const string Verify = "{ verifyEventLog { intact problem } }";

    private GraphQLClient PrivacyOfficer(FamilyScenario family) =>
        app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, family.School.EstablishmentId)));

    private async Task<Guid> SendAsync(FamilyScenario family) => SchoolScenario.IdOf((await app.Client(family.CpeToken).SendAsync(
        "mutation($i: SendMessageInput!) { sendMessage(input: $i) { messageThread { id } userErrors { code message } } }",
        new { i = new { subject = "Sortie", body = "Départ à 8h.", recipients = new[] { new { kind = "PERSON", id = family.GuardianId } } } })).Ok()["sendMessage"]!["messageThread"]);

    [Fact]
    public async Task After_a_purge_masks_sealed_events_the_event_log_is_still_intact_and_the_reseal_is_recorded()
    {
        var family = await FamilyScenario.CreateAsync(app);
        var thread = await SendAsync(family);
        var officer = PrivacyOfficer(family);
        Assert.True((await officer.SendAsync(Verify)).Ok()["verifyEventLog"]!["intact"]!.GetValue<bool>());

        app.Clock.Advance(TimeSpan.FromDays(370));
        await RetentionPurges.RunAsync(app);
        var after = (await officer.SendAsync(Verify)).Ok()["verifyEventLog"]!;

        Assert.True(after["intact"]!.GetValue<bool>(), after["problem"]?.GetValue<string>());
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.True((await session.LoadAsync<MessageThread>(thread))!.Purged);
        var reseals = await EventChainSealer.ResealsAsync(session, CancellationToken.None);
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var first = new NpgsqlCommand("SELECT min(seq_id) FROM monbureau.mt_events WHERE stream_id = $1", connection);
        first.Parameters.Add(new NpgsqlParameter { Value = thread });
        var sequence = (long)(await first.ExecuteScalarAsync())!;
        Assert.Contains(reseals.Values, b => b.FirstSequence <= sequence && sequence <= b.LastSequence);
    }

    [Fact]
    public async Task The_privacy_officer_sees_the_dry_run_of_their_establishment_and_the_region_wide_categories_and_nothing_is_erased()
    {
        var brief = await FamilyScenario.CreateAsync(app);
        var other = await FamilyScenario.CreateAsync(app);
        var officer = PrivacyOfficer(brief);
        (await officer.SendAsync("mutation { overrideRetention(category: MESSAGES, days: 90) { retentionPolicies { days } userErrors { code message } } }")).Ok();
        var thread = await SendAsync(brief);
        await SendAsync(other);
        app.Clock.Advance(TimeSpan.FromDays(100));

        var lines = (await officer.SendAsync("{ purgeDryRun(first: 100) { nodes { category establishmentId uai regionWide count } } }")).Ok()["purgeDryRun"]!["nodes"]!.AsArray();

        var messages = Assert.Single(lines, l => l!["category"]!.GetValue<string>() == "MESSAGES")!;
        Assert.Equal(brief.School.EstablishmentId.ToString(), messages["establishmentId"]!.GetValue<string>());
        Assert.True(messages["count"]!.GetValue<long>() >= 1);
        Assert.All(lines, l => Assert.True(
            l!["regionWide"]!.GetValue<bool>() ? l["establishmentId"] is null : l["establishmentId"]!.GetValue<string>() == brief.School.EstablishmentId.ToString()));
        Assert.DoesNotContain(lines, l => l!["establishmentId"]?.GetValue<string>() == other.School.EstablishmentId.ToString());
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.False((await session.LoadAsync<MessageThread>(thread))!.Purged);
    }
}
