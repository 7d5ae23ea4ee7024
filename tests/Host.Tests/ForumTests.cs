using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Forums;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

[Collection(AppHost.Name)]
public class ForumTests(AppFactory app)
{
    private const string Open = "mutation($i: OpenForumInput!) { openForum(input: $i) { forum { id locked moderation } userErrors { code message } } }";
    private const string Start = "mutation($i: StartForumTopicInput!) { startForumTopic(input: $i) { forumTopic { id title authorName } userErrors { code message } } }";
    private const string Reply = "mutation($i: ReplyToForumTopicInput!) { replyToForumTopic(input: $i) { forumPost { id status body } userErrors { code message } } }";
    private const string Report = "mutation($i: ReportForumPostInput!) { reportForumPost(input: $i) { forumPost { id } userErrors { code message } } }";
    private const string Hide = "mutation($i: HideForumPostInput!) { hideForumPost(input: $i) { forumPost { id status hiddenReason } userErrors { code message } } }";
    private const string Approve = "mutation($i: ApproveForumPostInput!) { approveForumPost(input: $i) { forumPost { id status } userErrors { code message } } }";
    private const string LockTopic = "mutation($i: SetForumTopicLockedInput!) { setForumTopicLocked(input: $i) { forumTopic { id locked } userErrors { code message } } }";
    private const string Posts = "query($t: ID!) { topicPosts(topicId: $t) { nodes { id authorId body status hiddenReason openReports } } }";
    private const string Queue = "{ moderationQueue { nodes { id status body openReports } } }";

    /// <summary>The family school, a classmate of its student (with a token), and an a-posteriori forum the class teacher opened.</summary>
    private async Task<(FamilyScenario Family, Guid ClassmateId, string ClassmateToken, string ForumId)> ClassForumAsync(string moderation = "A_POSTERIORI")
    {
        var family = await FamilyScenario.CreateAsync(app);
        var school = family.School;
        var classmateId = SchoolScenario.IdOf((await app.Client(school.AdminToken).SendAsync(
            "mutation($i: EnrollStudentInput!) { enrollStudent(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { classId = school.ClassId, givenName = "Hugo", familyName = "Roth" } })).Ok()["enrollStudent"]!["person"]);
        var forumId = (await app.Client(school.TeacherToken).SendAsync(Open, new { i = new { scope = "CLASS", scopeId = school.ClassId, title = "Entraide maths", moderation } }))
            .Ok()["openForum"]!["forum"]!["id"]!.GetValue<string>();
        return (family, classmateId, app.TokenFor(new Actor(classmateId, Role.Student, school.EstablishmentId)), forumId);
    }

    private async Task<string> TopicAsync(string token, string forumId, string body = "Je bloque à la question 2") =>
        (await app.Client(token).SendAsync(Start, new { i = new { forumId, title = "Exercice 12", body } })).Ok()["startForumTopic"]!["forumTopic"]!["id"]!.GetValue<string>();

    private async Task<JsonArray> PostsAsync(string token, string topicId) =>
        (await app.Client(token).SendAsync(Posts, new { t = topicId })).Ok()["topicPosts"]!["nodes"]!.AsArray();

    [Fact]
    public async Task A_forum_post_reported_by_a_student_is_hidden_by_a_moderator_and_its_body_is_no_longer_shown_to_the_class()
    {
        var (family, _, classmateToken, forumId) = await ClassForumAsync();
        var school = family.School;
        var topicId = await TopicAsync(school.StudentToken, forumId);
        var insult = (await app.Client(school.StudentToken).SendAsync(Reply, new { i = new { topicId, body = "Hugo est nul, personne ne l'aime" } }))
            .Ok()["replyToForumTopic"]!["forumPost"]!;
        var postId = insult["id"]!.GetValue<string>();
        Assert.Equal("PUBLISHED", insult["status"]!.GetValue<string>());

        (await app.Client(classmateToken).SendAsync(Report, new { i = new { postId, reason = "HARASSMENT" } })).Ok();
        var teacher = app.Client(school.TeacherToken);
        var queued = Assert.Single((await teacher.SendAsync(Queue)).Ok()["moderationQueue"]!["nodes"]!.AsArray())!;
        var notified = (await teacher.SendAsync("{ notifications { nodes { kind sourceIds } } }")).Ok()["notifications"]!["nodes"]!.AsArray();
        var hidden = (await teacher.SendAsync(Hide, new { i = new { postId, reason = "HARASSMENT" } })).Ok()["hideForumPost"]!["forumPost"]!;

        Assert.Equal(postId, queued["id"]!.GetValue<string>());
        Assert.Equal("HARASSMENT", Assert.Single(queued["openReports"]!.AsArray())!.GetValue<string>());
        Assert.Contains(notified, n => n!["kind"]!.GetValue<string>() == "forum.post.reported"
            && n["sourceIds"]!.AsArray().Any(s => s!.GetValue<string>() == postId));
        Assert.Equal("HIDDEN", hidden["status"]!.GetValue<string>());
        Assert.Empty((await teacher.SendAsync(Queue)).Ok()["moderationQueue"]!["nodes"]!.AsArray());
        var seenByClassmate = (await PostsAsync(classmateToken, topicId)).Single(p => p!["id"]!.GetValue<string>() == postId)!;
        Assert.Equal("HIDDEN", seenByClassmate["status"]!.GetValue<string>());
        Assert.Null(seenByClassmate["body"]);
        Assert.Null(seenByClassmate["hiddenReason"]);
        var seenByAuthor = (await PostsAsync(school.StudentToken, topicId)).Single(p => p!["id"]!.GetValue<string>() == postId)!;
        Assert.Equal("Hugo est nul, personne ne l'aime", seenByAuthor["body"]!.GetValue<string>());
        var seenByModerator = (await PostsAsync(school.TeacherToken, topicId)).Single(p => p!["id"]!.GetValue<string>() == postId)!;
        Assert.Equal("HARASSMENT", seenByModerator["hiddenReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task In_an_a_priori_forum_a_students_post_waits_in_the_queue_unseen_by_the_class_until_a_moderator_approves_it()
    {
        var (family, _, classmateToken, forumId) = await ClassForumAsync("A_PRIORI");
        var school = family.School;
        var topicId = await TopicAsync(school.StudentToken, forumId);

        var hiddenFromClass = await PostsAsync(classmateToken, topicId);
        var ownPending = Assert.Single(await PostsAsync(school.StudentToken, topicId))!;
        var classmateApproving = await app.Client(classmateToken).SendAsync(Approve, new { i = new { postId = ownPending["id"]!.GetValue<string>() } });
        var queued = Assert.Single((await app.Client(family.DirectionToken).SendAsync(Queue)).Ok()["moderationQueue"]!["nodes"]!.AsArray())!;
        var approved = (await app.Client(family.DirectionToken).SendAsync(Approve, new { i = new { postId = queued["id"]!.GetValue<string>() } }))
            .Ok()["approveForumPost"]!["forumPost"]!;

        Assert.Empty(hiddenFromClass);
        Assert.Equal("PENDING", ownPending["status"]!.GetValue<string>());
        Assert.Equal("FORBIDDEN", classmateApproving.FirstErrorCode);
        Assert.Equal("PUBLISHED", approved["status"]!.GetValue<string>());
        Assert.Equal("Je bloque à la question 2", Assert.Single(await PostsAsync(classmateToken, topicId))!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_class_a_guardian_and_a_teacher_of_another_class_do_not_find_the_forum_and_nothing_is_written()
    {
        var (family, _, _, forumId) = await ClassForumAsync();
        var topicId = await TopicAsync(family.School.StudentToken, forumId);

        var otherTeacher = await app.Client(family.OtherTeacherToken).SendAsync(Start, new { i = new { forumId, title = "Intrus", body = "Bonjour" } });
        var otherTeacherReading = await app.Client(family.OtherTeacherToken).SendAsync(Posts, new { t = topicId });
        var guardian = await app.Client(family.GuardianToken).SendAsync(Posts, new { t = topicId });
        var notListed = (await app.Client(family.OtherTeacherToken).SendAsync("{ forums { nodes { id } } }")).Ok()["forums"]!["nodes"]!.AsArray();

        Assert.Equal("NOT_FOUND", otherTeacher.FirstErrorCode);
        Assert.Equal("NOT_FOUND", otherTeacherReading.FirstErrorCode);
        Assert.Equal("FORBIDDEN", guardian.FirstErrorCode);
        Assert.Empty(notListed);
        var topics = (await app.Client(family.School.TeacherToken).SendAsync("query($f: ID!) { forumTopics(forumId: $f) { nodes { id } } }", new { f = forumId }))
            .Ok()["forumTopics"]!["nodes"]!.AsArray();
        Assert.Equal(topicId, Assert.Single(topics)!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_locked_topic_refuses_replies_a_student_may_not_lock_or_hide_and_a_post_is_not_reported_by_its_author_or_twice()
    {
        var (family, _, classmateToken, forumId) = await ClassForumAsync();
        var school = family.School;
        var topicId = await TopicAsync(school.StudentToken, forumId);
        var postId = Assert.Single(await PostsAsync(school.StudentToken, topicId))!["id"]!.GetValue<string>();
        var classmate = app.Client(classmateToken);

        var ownReport = await app.Client(school.StudentToken).SendAsync(Report, new { i = new { postId, reason = "OTHER" } });
        (await classmate.SendAsync(Report, new { i = new { postId, reason = "OFF_TOPIC" } })).Ok();
        var twice = await classmate.SendAsync(Report, new { i = new { postId, reason = "INSULT" } });
        var studentHiding = await classmate.SendAsync(Hide, new { i = new { postId, reason = "INSULT" } });
        var studentLocking = await classmate.SendAsync(LockTopic, new { i = new { topicId, locked = true } });
        var locked = (await app.Client(school.TeacherToken).SendAsync(LockTopic, new { i = new { topicId, locked = true } })).Ok()["setForumTopicLocked"]!["forumTopic"]!;
        var lateReply = await classmate.SendAsync(Reply, new { i = new { topicId, body = "Moi aussi !" } });
        var empty = await classmate.SendAsync(Start, new { i = new { forumId, title = "Vide", body = "  " } });

        Assert.Equal("VALIDATION", ownReport.FirstErrorCode);
        Assert.Equal("CONFLICT", twice.FirstErrorCode);
        Assert.Equal("FORBIDDEN", studentHiding.FirstErrorCode);
        Assert.Equal("FORBIDDEN", studentLocking.FirstErrorCode);
        Assert.True(locked["locked"]!.GetValue<bool>());
        Assert.Equal("LOCKED", lateReply.FirstErrorCode);
        Assert.Equal("VALIDATION", empty.FirstErrorCode);
        var post = Assert.Single(await PostsAsync(school.TeacherToken, topicId))!;
        Assert.Equal("PUBLISHED", post["status"]!.GetValue<string>());
        Assert.Equal("OFF_TOPIC", Assert.Single(post["openReports"]!.AsArray())!.GetValue<string>());
        Assert.Single((await app.Client(school.TeacherToken).SendAsync("query($f: ID!) { forumTopics(forumId: $f) { nodes { id } } }", new { f = forumId }))
            .Ok()["forumTopics"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task A_locked_forum_refuses_new_topics_until_unlocked()
    {
        var (family, _, _, forumId) = await ClassForumAsync();
        var teacher = app.Client(family.School.TeacherToken);
        const string SetLocked = "mutation($i: SetForumLockedInput!) { setForumLocked(input: $i) { forum { locked } userErrors { code message } } }";

        (await teacher.SendAsync(SetLocked, new { i = new { forumId, locked = true } })).Ok();
        var refused = await app.Client(family.School.StudentToken).SendAsync(Start, new { i = new { forumId, title = "Question", body = "Bonjour" } });
        (await teacher.SendAsync(SetLocked, new { i = new { forumId, locked = false } })).Ok();
        await TopicAsync(family.School.StudentToken, forumId);

        Assert.Equal("LOCKED", refused.FirstErrorCode);
    }

    [Fact]
    public async Task A_students_export_holds_their_posts_and_reports_and_erasure_leaves_their_posts_unreadable()
    {
        var (family, classmateId, classmateToken, forumId) = await ClassForumAsync();
        var school = family.School;
        var topicId = await TopicAsync(classmateToken, forumId, "Qui a compris le théorème ?");
        var postId = Assert.Single(await PostsAsync(classmateToken, topicId))!["id"]!.GetValue<string>();
        (await app.Client(school.StudentToken).SendAsync(Report, new { i = new { postId, reason = "OFF_TOPIC" } })).Ok();

        var classmateExport = (await app.Client(classmateToken).SendAsync("query($s: ID!) { exportPersonalData(subjectId: $s) { json summary } }", new { s = classmateId }))
            .Ok()["exportPersonalData"]!;
        var reporterExport = (await app.Client(school.StudentToken).SendAsync("query($s: ID!) { exportPersonalData(subjectId: $s) { json } }", new { s = school.StudentId }))
            .Ok()["exportPersonalData"]!;

        var forums = JsonNode.Parse(classmateExport["json"]!.GetValue<string>())!["forums"]!;
        Assert.Equal("Qui a compris le théorème ?", Assert.Single(forums["posts"]!.AsArray())!["body"]!.GetValue<string>());
        Assert.Contains("1 forum posts they wrote", classmateExport["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        var report = Assert.Single(JsonNode.Parse(reporterExport["json"]!.GetValue<string>())!["forums"]!["reports"]!.AsArray())!;
        Assert.Equal(postId, report["postId"]!.GetValue<string>());

        (await app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, school.EstablishmentId))).SendAsync(
            "mutation($i: ForgetDataSubjectInput!) { forgetDataSubject(input: $i) { forgottenAt userErrors { code message } } }",
            new { i = new { subjectId = classmateId, ground = "DATA_SUBJECT_REQUEST" } })).Ok();
        var erased = Assert.Single(await PostsAsync(school.TeacherToken, topicId))!;
        Assert.Null(erased["body"]);
    }

    [Fact]
    public async Task Each_report_and_moderation_of_a_post_is_an_event_on_the_post_saying_who_did_it_as_which_profile()
    {
        var (family, classmateId, classmateToken, forumId) = await ClassForumAsync();
        var school = family.School;
        var topicId = await TopicAsync(school.StudentToken, forumId);
        var postId = Assert.Single(await PostsAsync(school.StudentToken, topicId))!["id"]!.GetValue<string>();

        (await app.Client(classmateToken).SendAsync(Report, new { i = new { postId, reason = "INSULT" } })).Ok();
        (await app.Client(school.TeacherToken).SendAsync("mutation($i: DismissForumPostReportsInput!) { dismissForumPostReports(input: $i) { forumPost { id } userErrors { code message } } }",
            new { i = new { postId } })).Ok();
        (await app.Client(school.TeacherToken).SendAsync(Hide, new { i = new { postId, reason = "OFF_TOPIC" } })).Ok();

        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(Guid.Parse(postId));
        var reported = Assert.Single(events, e => e.Data is PostReported);
        var dismissed = Assert.Single(events, e => e.Data is PostReportsDismissed);
        var hidden = Assert.Single(events, e => e.Data is PostHidden);
        Assert.Equal(classmateId.ToString(), reported.UserName);
        Assert.Equal("Student", reported.Headers![AuditHeaders.ActorRole].ToString());
        Assert.Equal(school.TeacherId.ToString(), dismissed.UserName);
        Assert.Equal("Teacher", hidden.Headers![AuditHeaders.ActorRole].ToString());
        Assert.Equal(ReportReason.OffTopic, ((PostHidden)hidden.Data).Reason);
    }
}
