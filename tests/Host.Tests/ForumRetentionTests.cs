using Marten;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Domain.Forums;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>Forum posts are kept as messages are (ADR 0030): a topic idle for longer than a year leaves its forum, its texts masked.</summary>
[Collection(YearEndHost.Name)]
public class ForumRetentionTests(AppFactory app)
{
    [Fact]
    public async Task A_forum_topic_idle_for_more_than_a_year_leaves_the_forum_and_its_texts_are_erased_but_a_live_one_stays()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        var school = await SchoolScenario.CreateAsync(app);
        var teacher = app.Client(school.TeacherToken);
        var forumId = (await teacher.SendAsync("mutation($i: OpenForumInput!) { openForum(input: $i) { forum { id } userErrors { code message } } }",
            new { i = new { scope = "CLASS", scopeId = school.ClassId, title = "Entraide", moderation = "A_POSTERIORI" } })).Ok()["openForum"]!["forum"]!["id"]!.GetValue<string>();
        async Task<Guid> StartAsync(string title) => SchoolScenario.IdOf((await app.Client(school.StudentToken).SendAsync(
            "mutation($i: StartForumTopicInput!) { startForumTopic(input: $i) { forumTopic { id } userErrors { code message } } }",
            new { i = new { forumId, title, body = "Qui peut m'aider ?" } })).Ok()["startForumTopic"]!["forumTopic"]);
        var idle = await StartAsync("Ancien sujet");
        var live = await StartAsync("Sujet vivant");

        app.Clock.Advance(TimeSpan.FromDays(300));
        (await teacher.SendAsync("mutation($i: ReplyToForumTopicInput!) { replyToForumTopic(input: $i) { forumPost { id } userErrors { code message } } }",
            new { i = new { topicId = live, body = "Relis le chapitre 3." } })).Ok();
        app.Clock.Advance(TimeSpan.FromDays(70));
        var due = (await RetentionPurges.RunAsync(app)).Due;

        Assert.True(due[Domain.Privacy.RetentionCategory.Messages] >= 1);
        var topics = (await teacher.SendAsync("query($f: ID!) { forumTopics(forumId: $f) { nodes { id } } }", new { f = forumId })).Ok()["forumTopics"]!["nodes"]!.AsArray();
        Assert.Equal(live.ToString(), Assert.Single(topics)!["id"]!.GetValue<string>());
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = (await session.Events.FetchStreamAsync(idle)).Select(e => e.Data).ToList();
        Assert.Null(events.OfType<TopicStarted>().Single().Title.Value);
        Assert.Contains(events, e => e is TopicPurged);
    }
}
