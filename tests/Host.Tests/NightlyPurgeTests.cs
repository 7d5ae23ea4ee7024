using Marten;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Application.Privacy;
using MonBureau.Domain.Messaging;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>Nobody has to remember the purge: it runs by itself every night at 02:00 (Paris) and plans the next night.</summary>
[Collection(NightlyPurgeHost.Name)]
public class NightlyPurgeTests(NightlyPurgeAppFactory app)
{
    [Fact]
    public async Task A_conversation_past_its_retention_is_erased_by_the_nightly_purge_without_anyone_running_it()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        var family = await FamilyScenario.CreateAsync(app);
        var threadId = SchoolScenario.IdOf((await app.Client(family.CpeToken).SendAsync(
            "mutation($i: SendMessageInput!) { sendMessage(input: $i) { messageThread { id } userErrors { code message } } }",
            new { i = new { subject = "Sortie", body = "Départ à 8h.", recipients = new[] { new { kind = "PERSON", id = family.GuardianId } } } })).Ok()["sendMessage"]!["messageThread"]);

        app.Clock.Advance(TimeSpan.FromDays(370));
        var store = app.Services.GetRequiredService<IDocumentStore>();
        var purged = false;
        for (var attempt = 0; attempt < 100 && !purged; attempt++)
        {
            await Task.Delay(200);
            await using var session = store.QuerySession();
            purged = (await session.LoadAsync<MessageThread>(threadId))!.Purged;
        }

        Assert.True(purged, "the nightly purge erased the conversation within 20 seconds");
        await using var query = store.QuerySession();
        var next = (await query.LoadAsync<NightlyPurgeSchedule>(NightlyPurgeSchedule.DocumentId))!.NextRunAt;
        var paris = TimeZoneInfo.ConvertTime(next, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        Assert.Equal(new TimeOnly(2, 0), TimeOnly.FromDateTime(paris.DateTime));
        Assert.InRange(next - app.Clock.GetUtcNow(), TimeSpan.Zero, TimeSpan.FromDays(1));
    }
}
