using Marten;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Messaging;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>A conversation idle for longer than the messages' retention (one year) is erased by the purge: texts and files go, who wrote to whom stays.</summary>
[Collection(YearEndHost.Name)]
public class MessageRetentionTests(AppFactory app)
{
    [Fact]
    public async Task A_conversation_idle_for_more_than_a_year_leaves_the_inboxes_and_its_texts_and_files_are_erased()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        var family = await FamilyScenario.CreateAsync(app);
        var pdf = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\n% convocation\n1 0 obj\n<<>>\nendobj\n"));
        var sent = (await app.Client(family.CpeToken).SendAsync(
            "mutation($i: SendMessageInput!) { sendMessage(input: $i) { messageThread { id messages { attachments { fileId } } } userErrors { code message } } }",
            new
            {
                i = new
                {
                    subject = "Convocation", body = "Merci de venir jeudi à 17h.", recipients = new[] { new { kind = "PERSON", id = family.GuardianId } },
                    attachments = new[] { new { name = "convocation.pdf", contentType = "application/pdf", contentBase64 = pdf } },
                },
            })).Ok()["sendMessage"]!["messageThread"]!;
        var threadId = Guid.Parse(sent["id"]!.GetValue<string>());
        var fileId = Guid.Parse(sent["messages"]![0]!["attachments"]![0]!["fileId"]!.GetValue<string>());

        app.Clock.Advance(TimeSpan.FromDays(300));
        await PurgeAsync();
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.False((await session.LoadAsync<MessageThread>(threadId))!.Purged);
        app.Clock.Advance(TimeSpan.FromDays(70));
        Assert.True((await PurgeAsync())[Domain.Privacy.RetentionCategory.Messages] >= 1);

        Assert.Empty((await app.Client(family.GuardianToken).SendAsync("{ inbox { nodes { id } } }")).Ok()["inbox"]!["nodes"]!.AsArray());
        var events = await session.Events.FetchStreamAsync(threadId);
        var posted = events.Select(e => e.Data).OfType<MessagePosted>().Single();
        Assert.Null(posted.Body.Value);
        Assert.Null(events.Select(e => e.Data).OfType<ThreadStarted>().Single().Subject.Value);
        Assert.Equal([family.GuardianId], posted.RecipientIds);
        Assert.Equal(0L, await StoredFiles.CountAsync(app, fileId));
    }

    [Fact]
    public async Task An_establishment_that_keeps_messages_three_months_sees_them_erased_before_the_others()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        var brief = await FamilyScenario.CreateAsync(app);
        var usual = await FamilyScenario.CreateAsync(app);
        var officer = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, brief.School.EstablishmentId)));
        (await officer.SendAsync("mutation { overrideRetention(category: MESSAGES, days: 90) { retentionPolicies { days } userErrors { code message } } }")).Ok();
        var briefThread = await SendAsync(brief);
        var usualThread = await SendAsync(usual);

        app.Clock.Advance(TimeSpan.FromDays(100));
        await PurgeAsync();

        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.True((await session.LoadAsync<MessageThread>(briefThread))!.Purged);
        Assert.False((await session.LoadAsync<MessageThread>(usualThread))!.Purged);
    }

    private async Task<Guid> SendAsync(FamilyScenario family) => SchoolScenario.IdOf((await app.Client(family.CpeToken).SendAsync(
        "mutation($i: SendMessageInput!) { sendMessage(input: $i) { messageThread { id } userErrors { code message } } }",
        new { i = new { subject = "Sortie", body = "Départ à 8h.", recipients = new[] { new { kind = "PERSON", id = family.GuardianId } } } })).Ok()["sendMessage"]!["messageThread"]);

    private async Task<IReadOnlyDictionary<Domain.Privacy.RetentionCategory, long>> PurgeAsync() => (await RetentionPurges.RunAsync(app)).Due;
}
