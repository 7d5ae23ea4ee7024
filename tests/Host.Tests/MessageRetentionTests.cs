using Marten;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Application;
using MonBureau.Application.Auditing;
using MonBureau.Application.Privacy;
using MonBureau.Domain.Messaging;
using MonBureau.Host.Tests.Infrastructure;
using Npgsql;
using Wolverine;

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
            "mutation($i: SendMessageInput!) { sendMessage(input: $i) { id messages { attachments { fileId } } } }",
            new
            {
                i = new
                {
                    subject = "Convocation", body = "Merci de venir jeudi à 17h.", recipients = new[] { new { kind = "PERSON", id = family.GuardianId } },
                    attachments = new[] { new { name = "convocation.pdf", contentType = "application/pdf", contentBase64 = pdf } },
                },
            })).Ok()["sendMessage"]!;
        var threadId = Guid.Parse(sent["id"]!.GetValue<string>());
        var fileId = Guid.Parse(sent["messages"]![0]!["attachments"]![0]!["fileId"]!.GetValue<string>());

        app.Clock.Advance(TimeSpan.FromDays(300));
        Assert.Equal(0, (await PurgeAsync())[Domain.Privacy.RetentionCategory.Messages]);
        app.Clock.Advance(TimeSpan.FromDays(70));
        Assert.Equal(1, (await PurgeAsync())[Domain.Privacy.RetentionCategory.Messages]);

        Assert.Empty((await app.Client(family.GuardianToken).SendAsync("{ inbox { nodes { id } } }")).Ok()["inbox"]!["nodes"]!.AsArray());
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(threadId);
        var posted = events.Select(e => e.Data).OfType<MessagePosted>().Single();
        Assert.Null(posted.Body.Value);
        Assert.Null(events.Select(e => e.Data).OfType<ThreadStarted>().Single().Subject.Value);
        Assert.Equal([family.GuardianId], posted.RecipientIds);
        Assert.Equal(0L, await FilesAsync(fileId));
    }

    private async Task<IReadOnlyDictionary<Domain.Privacy.RetentionCategory, int>> PurgeAsync()
    {
        using var scope = app.Services.CreateScope();
        using var acting = ActingContext.Begin(Actor.SystemJob("retention-purge"), Guid.CreateVersion7().ToString());
        var report = await scope.ServiceProvider.GetRequiredService<IMessageBus>().RunAsync<PurgeReport>(new RunRetentionPurge(false), CancellationToken.None);
        return report.Due;
    }

    private async Task<long> FilesAsync(Guid fileId)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from monbureau.mb_files where file_id = @id", connection);
        count.Parameters.AddWithValue("id", fileId);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
