using System.Text.Json.Nodes;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

[Collection(AppHost.Name)]
public class ProjectTests(AppFactory app)
{
    private const string Create = "mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id title subjects description coTeacherIds } userErrors { code message } } }";
    private const string Add = "mutation($i: AddProjectMilestoneInput!) { addProjectMilestone(input: $i) { project { milestones { id title dueAt agendaEventIds cancelledAt } } userErrors { code message } } }";
    private const string Move = "mutation($i: MoveProjectMilestoneInput!) { moveProjectMilestone(input: $i) { project { milestones { id dueAt } } userErrors { code message } } }";
    private const string Cancel = "mutation($i: CancelProjectMilestoneInput!) { cancelProjectMilestone(input: $i) { project { milestones { id cancelledAt } } userErrors { code message } } }";
    private const string Agenda = "query($from: DateTimeOffset!, $to: DateTimeOffset!) { myAgenda(from: $from, to: $to) { events { id title startsAt cancelled } } }";

    private static readonly string[] Subjects = ["Mathématiques", "Histoire-géographie"];
    private static readonly string[] OneSubject = ["Histoire"];

    private async Task<(FamilyScenario Family, string ProjectId)> ProjectAsync()
    {
        var family = await FamilyScenario.CreateAsync(app);
        var projectId = (await app.Client(family.School.TeacherToken).SendAsync(Create, new
        {
            i = new
            {
                title = "Le climat de notre ville", subjects = Subjects, description = "Relevés et frise historique",
                classIds = new[] { family.School.ClassId }, coTeacherIds = new[] { family.OtherTeacherId },
            },
        })).Ok()["createProject"]!["project"]!["id"]!.GetValue<string>();
        return (family, projectId);
    }

    private async Task<JsonArray> AgendaAsync(string token) =>
        (await app.Client(token).SendAsync(Agenda, new { from = app.Clock.GetUtcNow(), to = app.Clock.GetUtcNow().AddDays(60) })).Ok()["myAgenda"]!["events"]!.AsArray();

    [Fact]
    public async Task A_milestone_goes_on_the_students_agenda_moves_with_it_and_is_cancelled_with_it()
    {
        var (family, projectId) = await ProjectAsync();
        var teacher = app.Client(family.School.TeacherToken);
        var dueAt = app.Clock.GetUtcNow().AddDays(10);

        var milestone = Assert.Single((await teacher.SendAsync(Add, new { i = new { projectId, title = "Relevés rendus", dueAt } })).Ok()["addProjectMilestone"]!["project"]!["milestones"]!.AsArray())!;
        var milestoneId = milestone["id"]!.GetValue<string>();
        var agendaEventId = Assert.Single(milestone["agendaEventIds"]!.AsArray())!.GetValue<string>();
        var onAgenda = (await AgendaAsync(family.School.StudentToken)).Single(e => e!["id"]!.GetValue<string>() == agendaEventId)!;
        (await teacher.SendAsync(Move, new { i = new { projectId, milestoneId, dueAt = dueAt.AddDays(7) } })).Ok();
        var moved = (await AgendaAsync(family.School.StudentToken)).Single(e => e!["id"]!.GetValue<string>() == agendaEventId)!;
        (await teacher.SendAsync(Cancel, new { i = new { projectId, milestoneId } })).Ok();
        var cancelled = (await AgendaAsync(family.School.StudentToken)).Single(e => e!["id"]!.GetValue<string>() == agendaEventId)!;

        Assert.Equal("Le climat de notre ville : Relevés rendus", onAgenda["title"]!.GetValue<string>());
        Assert.Equal(dueAt.ToUnixTimeSeconds(), onAgenda["startsAt"]!.GetValue<DateTimeOffset>().ToUnixTimeSeconds());
        Assert.Equal(dueAt.AddDays(7).ToUnixTimeSeconds(), moved["startsAt"]!.GetValue<DateTimeOffset>().ToUnixTimeSeconds());
        Assert.True(cancelled["cancelled"]!.GetValue<bool>());
        // The co-teacher does not teach the class: the milestone is in the project, not in their own agenda (ADR 0030).
        Assert.DoesNotContain(await AgendaAsync(family.OtherTeacherToken), e => e!["id"]!.GetValue<string>() == agendaEventId);
    }

    [Fact]
    public async Task Participants_list_the_project_a_guardian_reads_their_childs_and_other_families_do_not()
    {
        var (family, projectId) = await ProjectAsync();
        const string Mine = "{ projects { nodes { id milestones { id } } } }";
        const string Child = "query($s: ID!) { childProjects(studentId: $s) { nodes { id title } } }";

        var student = (await app.Client(family.School.StudentToken).SendAsync(Mine)).Ok()["projects"]!["nodes"]!.AsArray();
        var coTeacher = (await app.Client(family.OtherTeacherToken).SendAsync(Mine)).Ok()["projects"]!["nodes"]!.AsArray();
        var direction = (await app.Client(family.DirectionToken).SendAsync(Mine)).Ok()["projects"]!["nodes"]!.AsArray();
        var guardian = (await app.Client(family.GuardianToken).SendAsync(Child, new { s = family.School.StudentId })).Ok()["childProjects"]!["nodes"]!.AsArray();
        var otherGuardian = await app.Client(family.OtherGuardianToken).SendAsync(Child, new { s = family.School.StudentId });

        Assert.Equal(projectId, Assert.Single(student)!["id"]!.GetValue<string>());
        Assert.Equal(projectId, Assert.Single(coTeacher)!["id"]!.GetValue<string>());
        Assert.Equal(projectId, Assert.Single(direction)!["id"]!.GetValue<string>());
        Assert.Equal(projectId, Assert.Single(guardian)!["id"]!.GetValue<string>());
        Assert.Equal("FORBIDDEN", otherGuardian.FirstErrorCode);
    }

    [Fact]
    public async Task A_project_is_refused_for_a_class_the_teacher_does_not_teach_and_only_its_coordinator_adds_milestones()
    {
        var (family, projectId) = await ProjectAsync();
        var dueAt = app.Clock.GetUtcNow().AddDays(10);

        var notTheirs = await app.Client(family.OtherTeacherToken).SendAsync(Create, new
        {
            i = new { title = "Intrus", subjects = OneSubject, classIds = new[] { family.School.ClassId } },
        });
        var coTeacher = await app.Client(family.OtherTeacherToken).SendAsync(Add, new { i = new { projectId, title = "Jalon", dueAt } });
        var student = await app.Client(family.School.StudentToken).SendAsync(Add, new { i = new { projectId, title = "Jalon", dueAt } });
        var past = await app.Client(family.School.TeacherToken).SendAsync(Add, new { i = new { projectId, title = "Jalon", dueAt = app.Clock.GetUtcNow().AddHours(-1) } });

        Assert.Equal("NOT_FOUND", notTheirs.FirstErrorCode);
        Assert.Equal("FORBIDDEN", coTeacher.FirstErrorCode);
        Assert.Equal("FORBIDDEN", student.FirstErrorCode);
        Assert.Equal("VALIDATION", past.FirstErrorCode);
        Assert.Empty((await app.Client(family.OtherTeacherToken).SendAsync("{ projects { nodes { milestones { id } } } }")).Ok()["projects"]!["nodes"]!.AsArray()
            .SelectMany(p => p!["milestones"]!.AsArray()));
        Assert.Single((await app.Client(family.OtherTeacherToken).SendAsync("{ projects { nodes { id } } }")).Ok()["projects"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task A_co_teacher_opens_the_projects_forum_and_the_students_of_its_classes_take_part()
    {
        var (family, projectId) = await ProjectAsync();

        var forumId = (await app.Client(family.OtherTeacherToken).SendAsync(
            "mutation($i: OpenForumInput!) { openForum(input: $i) { forum { id scope } userErrors { code message } } }",
            new { i = new { scope = "PROJECT", scopeId = projectId, title = "Questions sur le projet", moderation = "A_POSTERIORI" } }))
            .Ok()["openForum"]!["forum"]!["id"]!.GetValue<string>();
        var listed = (await app.Client(family.School.StudentToken).SendAsync("query($p: ID!) { forums(scopeId: $p) { nodes { id scope } } }", new { p = projectId }))
            .Ok()["forums"]!["nodes"]!.AsArray();
        (await app.Client(family.School.StudentToken).SendAsync(
            "mutation($i: StartForumTopicInput!) { startForumTopic(input: $i) { forumTopic { id } userErrors { code message } } }",
            new { i = new { forumId, title = "Les relevés", body = "Où trouver les relevés de 1950 ?" } })).Ok();

        var listedForum = Assert.Single(listed)!;
        Assert.Equal(forumId, listedForum["id"]!.GetValue<string>());
        Assert.Equal("PROJECT", listedForum["scope"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_project_has_a_shared_folder_its_co_teacher_writes_and_its_students_read()
    {
        var (family, projectId) = await ProjectAsync();
        const string Shared = "{ sharedWorkspaces { nodes { kind ownerId root { id access } } } }";
        const string Upload = "mutation($i: UploadWorkspaceFileInput!) { uploadWorkspaceFile(input: $i) { workspaceFile { id name } userErrors { code message } } }";
        async Task<JsonNode> ProjectTreeAsync(string token) => (await app.Client(token).SendAsync(Shared)).Ok()["sharedWorkspaces"]!["nodes"]!.AsArray()
            .Single(w => w!["kind"]!.GetValue<string>() == "PROJECT" && w["ownerId"]!.GetValue<string>() == projectId)!["root"]!;
        var file = new { name = "releves.txt", contentType = "text/plain", contentBase64 = Convert.ToBase64String("Relevés de température"u8.ToArray()) };

        var coTeacherRoot = await ProjectTreeAsync(family.OtherTeacherToken);
        var studentRoot = await ProjectTreeAsync(family.School.StudentToken);
        (await app.Client(family.OtherTeacherToken).SendAsync(Upload, new { i = new { folderId = coTeacherRoot["id"]!.GetValue<string>(), file } })).Ok();
        var byStudent = await app.Client(family.School.StudentToken).SendAsync(Upload, new { i = new { folderId = studentRoot["id"]!.GetValue<string>(), file } });
        var seen = (await app.Client(family.School.StudentToken).SendAsync("query($id: ID!) { folder(id: $id) { files { nodes { name } } } }", new { id = studentRoot["id"]!.GetValue<string>() })).Ok();

        Assert.Equal(("WRITE", "READ"), (coTeacherRoot["access"]!.GetValue<string>(), studentRoot["access"]!.GetValue<string>()));
        Assert.Equal("FORBIDDEN", byStudent.FirstErrorCode);
        Assert.Equal("releves.txt", Assert.Single(seen["folder"]!["files"]!["nodes"]!.AsArray())!["name"]!.GetValue<string>());
    }
}
