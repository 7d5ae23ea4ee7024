using System.Text;
using System.Text.Json.Nodes;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Workspace;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>The workspace (espace de travail): personal and class folders, storage once per content, quotas, drop boxes, references from homework.</summary>
[Collection(AppHost.Name)]
public class WorkspaceTests(AppFactory app)
{
    private const string MyWorkspace = "{ myWorkspace { kind usedBytes limitBytes root { id access folders { nodes { id name } } files { nodes { id name file { fileId size } } } } } }";
    private const string Shared = "{ sharedWorkspaces { nodes { kind ownerId subject root { id access folders { nodes { id name dropBox } } } } } }";
    private const string Folder = "query($id: ID!) { folder(id: $id) { id name access dropBox folders { nodes { id name } } files { nodes { id name placedBy file { fileId } } } } }";
    private const string CreateFolder = "mutation($i: CreateWorkspaceFolderInput!) { createWorkspaceFolder(input: $i) { workspaceFolder { id name dropBox } userErrors { code message } } }";
    private const string Upload = "mutation($i: UploadWorkspaceFileInput!) { uploadWorkspaceFile(input: $i) { workspaceFile { id name folderId file { fileId size sha256 } } userErrors { code message } } }";
    private const string SubjectFolders = "mutation($i: CreateSubjectFoldersInput!) { createSubjectFolders(input: $i) { workspaceFolder { id folders { nodes { name } } } userErrors { code message } } }";
    private const string Assign = "mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { homework { id documents { fileId name } } userErrors { code message } } }";
    private const string Open = "query($id: ID!) { file(fileId: $id) { name contentBase64 } }";
    private const string Bin = "mutation($i: WorkspaceItemInput!) { binWorkspaceItem(input: $i) { done userErrors { code message } } }";

    private static object Text(string content, string name = "notes.txt") =>
        new { name, contentType = "text/plain", contentBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(content)) };

    private async Task<JsonNode> MyWorkspaceAsync(string token) => (await app.Client(token).SendAsync(MyWorkspace)).Ok()["myWorkspace"]!;

    private async Task<JsonNode> UploadAsync(string token, string folderId, object file) =>
        (await app.Client(token).SendAsync(Upload, new { i = new { folderId, file } })).Ok()["uploadWorkspaceFile"]!["workspaceFile"]!;

    private async Task<string> ClassRootAsync(string token, Guid classId) =>
        (await app.Client(token).SendAsync(Shared)).Ok()["sharedWorkspaces"]!["nodes"]!.AsArray()
            .Single(w => w!["kind"]!.GetValue<string>() == "CLASS" && w["ownerId"]!.GetValue<string>() == classId.ToString())!["root"]!["id"]!.GetValue<string>();

    private async Task<(Guid Id, string Token)> EnrollAsync(SchoolScenario school, Guid classId, string givenName)
    {
        var id = SchoolScenario.IdOf((await app.Client(school.AdminToken).SendAsync(
            "mutation($i: EnrollStudentInput!) { enrollStudent(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { classId, givenName, familyName = "Weber" } })).Ok()["enrollStudent"]!["person"]);
        return (id, app.TokenFor(new Actor(id, Role.Student, school.EstablishmentId)));
    }

    [Fact]
    public async Task A_student_uploads_the_same_file_twice_and_it_is_stored_once_and_counted_once()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var root = (await MyWorkspaceAsync(school.StudentToken))["root"]!["id"]!.GetValue<string>();
        var before = (await StoredFiles.AllAsync(app)).Count;

        var first = await UploadAsync(school.StudentToken, root, Text("Fiche de révision : les fonctions affines.", "fiche.txt"));
        var second = await UploadAsync(school.StudentToken, root, Text("Fiche de révision : les fonctions affines.", "fiche (copie).txt"));

        Assert.Equal(first["file"]!["fileId"]!.GetValue<string>(), second["file"]!["fileId"]!.GetValue<string>());
        Assert.Equal(before + 1, (await StoredFiles.AllAsync(app)).Count);
        var workspace = await MyWorkspaceAsync(school.StudentToken);
        Assert.Equal(first["file"]!["size"]!.GetValue<long>(), workspace["usedBytes"]!.GetValue<long>());
        Assert.Equal(WorkspaceQuotas.Student, workspace["limitBytes"]!.GetValue<long>());
        Assert.Equal(2, workspace["root"]!["files"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task An_upload_beyond_the_quota_is_refused_and_nothing_is_stored()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var guardianId = SchoolScenario.IdOf((await app.Client(school.AdminToken).SendAsync(
            "mutation($i: RegisterGuardianInput!) { registerGuardian(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { studentId = school.StudentId, givenName = "Sophie", familyName = "Schneider", rights = new { legalGuardian = true, mayJustifyAbsences = true, receivesSchoolLifeNotices = true } } })).Ok()["registerGuardian"]!["person"]);
        var guardian = app.TokenFor(new Actor(guardianId, Role.Guardian, school.EstablishmentId));
        var workspace = await MyWorkspaceAsync(guardian);
        Assert.Equal(WorkspaceQuotas.Guardian, workspace["limitBytes"]!.GetValue<long>());
        var root = workspace["root"]!["id"]!.GetValue<string>();
        var big = new string('a', 2 * 1024 * 1024 - 1);
        // A guardian's 20 MiB: ten different files of almost 2 MiB each fill it.
        for (var i = 0; i < 10; i++)
            await UploadAsync(guardian, root, Text(big[..^(i + 1)] + i, $"scan-{i}.txt"));
        var storedBefore = (await StoredFiles.AllAsync(app)).Count;
        var usedBefore = (await MyWorkspaceAsync(guardian))["usedBytes"]!.GetValue<long>();

        var refused = await app.Client(guardian).SendAsync(Upload, new { i = new { folderId = root, file = Text(big, "de-trop.txt") } });

        Assert.Equal(ErrorCodes.QuotaExceeded, refused.FirstErrorCode);
        Assert.Null(refused.Data!["uploadWorkspaceFile"]!["workspaceFile"]);
        Assert.Equal(storedBefore, (await StoredFiles.AllAsync(app)).Count);
        Assert.Equal(usedBefore, (await MyWorkspaceAsync(guardian))["usedBytes"]!.GetValue<long>());
    }

    [Fact]
    public async Task Class_folders_are_written_by_its_teacher_read_by_its_students_and_invisible_to_another_class()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var otherClassId = SchoolScenario.IdOf((await app.Client(school.AdminToken).SendAsync(
            "mutation($i: CreateClassInput!) { createClass(input: $i) { schoolClass { id } userErrors { code message } } }",
            new { i = new { establishmentId = school.EstablishmentId, name = "2nde 2" } })).Ok()["createClass"]!["schoolClass"]);
        var (_, outsider) = await EnrollAsync(school, otherClassId, "Hugo");
        var root = await ClassRootAsync(school.TeacherToken, school.ClassId);
        var chapter = (await app.Client(school.TeacherToken).SendAsync(CreateFolder, new { i = new { parentId = root, name = "Chapitre 1" } })).Ok()["createWorkspaceFolder"]!["workspaceFolder"]!;
        var course = await UploadAsync(school.TeacherToken, chapter["id"]!.GetValue<string>(), Text("Cours : les vecteurs.", "cours.txt"));

        var seen = (await app.Client(school.StudentToken).SendAsync(Folder, new { id = chapter["id"]!.GetValue<string>() })).Ok()["folder"]!;
        Assert.Equal("READ", seen["access"]!.GetValue<string>());
        Assert.Equal("cours.txt", seen["files"]!["nodes"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("Cours : les vecteurs.", Encoding.UTF8.GetString(Convert.FromBase64String(
            (await app.Client(school.StudentToken).SendAsync(Open, new { id = course["file"]!["fileId"]!.GetValue<string>() })).Ok()["file"]!["contentBase64"]!.GetValue<string>())));
        var studentWrite = await app.Client(school.StudentToken).SendAsync(CreateFolder, new { i = new { parentId = root, name = "Mon dossier" } });
        Assert.Equal(ErrorCodes.Forbidden, studentWrite.FirstErrorCode);

        Assert.Equal(ErrorCodes.NotFound, (await app.Client(outsider).SendAsync(Folder, new { id = chapter["id"]!.GetValue<string>() })).FirstErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await app.Client(outsider).SendAsync(Folder, new { id = root })).FirstErrorCode);
        Assert.Equal(ErrorCodes.Forbidden, (await app.Client(outsider).SendAsync(Open, new { id = course["file"]!["fileId"]!.GetValue<string>() })).FirstErrorCode);
    }

    [Fact]
    public async Task Students_drop_into_the_drop_box_and_see_only_their_own_drops_while_the_teacher_sees_all()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var (_, hugo) = await EnrollAsync(school, school.ClassId, "Hugo");
        var root = await ClassRootAsync(school.TeacherToken, school.ClassId);
        var dropBox = (await app.Client(school.TeacherToken).SendAsync(CreateFolder, new { i = new { parentId = root, name = "Dépôt DM 3", dropBox = true } }))
            .Ok()["createWorkspaceFolder"]!["workspaceFolder"]!["id"]!.GetValue<string>();

        var leaDrop = await UploadAsync(school.StudentToken, dropBox, Text("Copie de Léa", "dm3.txt"));
        await UploadAsync(hugo, dropBox, Text("Copie de Hugo", "dm3.txt"));

        var asLea = (await app.Client(school.StudentToken).SendAsync(Folder, new { id = dropBox })).Ok()["folder"]!;
        Assert.Equal("DROP", asLea["access"]!.GetValue<string>());
        Assert.Equal(school.StudentId.ToString(), Assert.Single(asLea["files"]!["nodes"]!.AsArray())!["placedBy"]!.GetValue<string>());
        Assert.Equal(ErrorCodes.Forbidden, (await app.Client(hugo).SendAsync(Open, new { id = leaDrop["file"]!["fileId"]!.GetValue<string>() })).FirstErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await app.Client(hugo).SendAsync(Bin, new { i = new { itemId = leaDrop["id"]!.GetValue<string>() } })).FirstErrorCode);

        var asTeacher = (await app.Client(school.TeacherToken).SendAsync(Folder, new { id = dropBox })).Ok()["folder"]!;
        Assert.Equal(2, asTeacher["files"]!["nodes"]!.AsArray().Count);
        (await app.Client(school.TeacherToken).SendAsync(Open, new { id = leaDrop["file"]!["fileId"]!.GetValue<string>() })).Ok();
        var officer = app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, school.EstablishmentId));
        var history = (await app.Client(officer).SendAsync(
            "query($id: ID!) { accessHistory(subjectId: $id) { nodes { actorId category } } }", new { id = school.StudentId })).Ok();
        Assert.Contains(history["accessHistory"]!["nodes"]!.AsArray(), a => a!["category"]!.GetValue<string>() == "WORKSPACE" && a["actorId"]!.GetValue<string>() == school.TeacherId.ToString());
    }

    [Fact]
    public async Task A_teacher_hands_out_a_workspace_file_with_homework_and_the_student_opens_it_without_a_copy()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var root = (await MyWorkspaceAsync(school.TeacherToken))["root"]!["id"]!.GetValue<string>();
        var sheet = await UploadAsync(school.TeacherToken, root, Text("Exercices 1 à 5 : équations.", "exercices.txt"));
        var stored = (await StoredFiles.AllAsync(app)).Count;

        var homework = (await app.Client(school.TeacherToken).SendAsync(Assign, new
        {
            i = new
            {
                classId = school.ClassId, subject = SchoolScenario.Subject, title = "Équations", instructions = "Faire la feuille jointe.",
                dueAt = app.Clock.GetUtcNow().AddDays(3), workspaceFileIds = new[] { sheet["id"]!.GetValue<string>() },
            },
        })).Ok()["assignHomework"]!["homework"]!;

        var document = Assert.Single(homework["documents"]!.AsArray())!;
        Assert.Equal(sheet["file"]!["fileId"]!.GetValue<string>(), document["fileId"]!.GetValue<string>());
        Assert.Equal(stored, (await StoredFiles.AllAsync(app)).Count);
        var opened = (await app.Client(school.StudentToken).SendAsync(Open, new { id = document["fileId"]!.GetValue<string>() })).Ok()["file"]!;
        Assert.Equal("exercices.txt", opened["name"]!.GetValue<string>());

        // Deleting it from the workspace keeps it for the homework.
        (await app.Client(school.TeacherToken).SendAsync(Bin, new { i = new { itemId = sheet["id"]!.GetValue<string>() } })).Ok();
        (await app.Client(school.StudentToken).SendAsync(Open, new { id = document["fileId"]!.GetValue<string>() })).Ok();
    }

    [Fact]
    public async Task Another_teachers_workspace_file_cannot_be_handed_out()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var other = await SchoolScenario.CreateAsync(app);
        var root = (await MyWorkspaceAsync(other.TeacherToken))["root"]!["id"]!.GetValue<string>();
        var theirs = await UploadAsync(other.TeacherToken, root, Text("Pas à toi.", "prive.txt"));

        var refused = await app.Client(school.TeacherToken).SendAsync(Assign, new
        {
            i = new
            {
                classId = school.ClassId, subject = SchoolScenario.Subject, title = "Équations", instructions = "…",
                dueAt = app.Clock.GetUtcNow().AddDays(3), workspaceFileIds = new[] { theirs["id"]!.GetValue<string>() },
            },
        });

        Assert.Equal(ErrorCodes.NotFound, refused.FirstErrorCode);
    }

    [Fact]
    public async Task Creating_subject_folders_makes_one_per_subject_taught_and_running_it_again_changes_nothing()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var historian = SchoolScenario.IdOf((await app.Client(school.AdminToken).SendAsync(
            "mutation($i: RegisterTeacherInput!) { registerTeacher(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { establishmentId = school.EstablishmentId, givenName = "Paul", familyName = "Klein" } })).Ok()["registerTeacher"]!["person"]);
        (await app.Client(school.AdminToken).SendAsync(
            "mutation($i: TeachingInput!) { assignTeaching(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { teacherId = historian, teachingUnitId = school.ClassId, subject = "histoire-géographie" } })).Ok();

        var first = (await app.Client(school.TeacherToken).SendAsync(SubjectFolders, new { i = new { classId = school.ClassId } })).Ok()["createSubjectFolders"]!["workspaceFolder"]!;
        var again = (await app.Client(school.TeacherToken).SendAsync(SubjectFolders, new { i = new { classId = school.ClassId } })).Ok()["createSubjectFolders"]!["workspaceFolder"]!;

        string[] expected = ["Histoire-géographie", "Mathématiques"];
        Assert.Equal(expected, first["folders"]!["nodes"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
        Assert.Equal(expected, again["folders"]!["nodes"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
        var student = await app.Client(school.StudentToken).SendAsync(SubjectFolders, new { i = new { classId = school.ClassId } });
        Assert.Equal(ErrorCodes.Forbidden, student.FirstErrorCode);
    }

    [Fact]
    public async Task A_teacher_shares_a_personal_folder_read_only_with_a_colleague_and_the_reads_are_recorded()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var colleagueId = SchoolScenario.IdOf((await app.Client(school.AdminToken).SendAsync(
            "mutation($i: RegisterTeacherInput!) { registerTeacher(input: $i) { person { id } userErrors { code message } } }",
            new { i = new { establishmentId = school.EstablishmentId, givenName = "Paul", familyName = "Klein" } })).Ok()["registerTeacher"]!["person"]);
        var colleague = app.TokenFor(new Actor(colleagueId, Role.Teacher, school.EstablishmentId));
        var root = (await MyWorkspaceAsync(school.TeacherToken))["root"]!["id"]!.GetValue<string>();
        var folder = (await app.Client(school.TeacherToken).SendAsync(CreateFolder, new { i = new { parentId = root, name = "Progressions" } }))
            .Ok()["createWorkspaceFolder"]!["workspaceFolder"]!["id"]!.GetValue<string>();
        Assert.Equal(ErrorCodes.NotFound, (await app.Client(colleague).SendAsync(Folder, new { id = folder })).FirstErrorCode);

        (await app.Client(school.TeacherToken).SendAsync(
            "mutation($i: ShareWorkspaceFolderInput!) { shareWorkspaceFolder(input: $i) { workspaceFolder { sharedWith } userErrors { code message } } }",
            new { i = new { folderId = folder, personIds = new[] { colleagueId } } })).Ok();

        var shared = (await app.Client(colleague).SendAsync("{ foldersSharedWithMe { nodes { id name access } } }")).Ok()["foldersSharedWithMe"]!["nodes"]!.AsArray();
        Assert.Equal("READ", Assert.Single(shared)!["access"]!.GetValue<string>());
        (await app.Client(colleague).SendAsync(Folder, new { id = folder })).Ok();
        Assert.Equal(ErrorCodes.Forbidden, (await app.Client(colleague).SendAsync(CreateFolder, new { i = new { parentId = folder, name = "Ajout" } })).FirstErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await app.Client(colleague).SendAsync(Folder, new { id = root })).FirstErrorCode);
        var officer = app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, school.EstablishmentId));
        var history = (await app.Client(officer).SendAsync(
            "query($id: ID!) { accessHistory(subjectId: $id) { nodes { actorId category } } }", new { id = school.TeacherId })).Ok();
        Assert.Contains(history["accessHistory"]!["nodes"]!.AsArray(), a => a!["category"]!.GetValue<string>() == "WORKSPACE" && a["actorId"]!.GetValue<string>() == colleagueId.ToString());
    }

    [Fact]
    public async Task A_teacher_attaches_a_workspace_file_to_a_message_and_the_student_opens_it_without_a_copy()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        var school = await SchoolScenario.CreateAsync(app);
        var root = (await MyWorkspaceAsync(school.TeacherToken))["root"]!["id"]!.GetValue<string>();
        var sheet = await UploadAsync(school.TeacherToken, root, Text("Correction du contrôle.", "correction.txt"));
        var stored = (await StoredFiles.AllAsync(app)).Count;

        (await app.Client(school.TeacherToken).SendAsync(MessagingTests.Send, new
        {
            i = new
            {
                subject = "Correction", body = "Voici la correction.", recipients = new[] { new { kind = "PERSON", id = school.StudentId } },
                workspaceFileIds = new[] { sheet["id"]!.GetValue<string>() },
            },
        })).Ok();

        Assert.Equal(stored, (await StoredFiles.AllAsync(app)).Count);
        var opened = (await app.Client(school.StudentToken).SendAsync(Open, new { id = sheet["file"]!["fileId"]!.GetValue<string>() })).Ok()["file"]!;
        Assert.Equal("Correction du contrôle.", Encoding.UTF8.GetString(Convert.FromBase64String(opened["contentBase64"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Forgetting_a_student_deletes_the_files_of_their_workspace()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var root = (await MyWorkspaceAsync(school.StudentToken))["root"]!["id"]!.GetValue<string>();
        var fileId = Guid.Parse((await UploadAsync(school.StudentToken, root, Text("Mon journal de bord.", "journal.txt")))["file"]!["fileId"]!.GetValue<string>());
        Assert.Equal(1, await StoredFiles.CountAsync(app, fileId));
        var officer = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, school.EstablishmentId)));

        (await officer.SendAsync(
            "mutation($i: ForgetDataSubjectInput!) { forgetDataSubject(input: $i) { forgottenAt userErrors { code message } } }",
            new { i = new { subjectId = school.StudentId, ground = "DATA_SUBJECT_REQUEST" } })).Ok();

        Assert.Equal(0, await StoredFiles.CountAsync(app, fileId));
    }

    [Fact]
    public async Task A_resource_opens_its_authors_workspace_file_for_its_readers_but_never_someone_elses_file()
    {
        var school = await SchoolScenario.CreateAsync(app);
        const string Publish = "mutation($i: PublishResourceInput!) { publishResource(input: $i) { resource { id } userErrors { code message } } }";
        var teacherRoot = (await MyWorkspaceAsync(school.TeacherToken))["root"]!["id"]!.GetValue<string>();
        var studentRoot = (await MyWorkspaceAsync(school.StudentToken))["root"]!["id"]!.GetValue<string>();
        var sheet = (await UploadAsync(school.TeacherToken, teacherRoot, Text("Fiche méthode : dériver.", "methode.txt")))["file"]!["fileId"]!.GetValue<string>();
        var notTheirs = (await UploadAsync(school.StudentToken, studentRoot, Text("Mes notes personnelles.", "perso.txt")))["file"]!["fileId"]!.GetValue<string>();

        (await app.Client(school.TeacherToken).SendAsync(Publish, new
        {
            i = new { title = "Dériver une fonction", subject = "Mathématiques", body = "Méthode et exemples.", sharing = "ESTABLISHMENT", attachmentIds = new[] { sheet, notTheirs } },
        })).Ok();

        var classmate = (await EnrollAsync(school, school.ClassId, "Hugo")).Token;
        (await app.Client(classmate).SendAsync(Open, new { id = sheet })).Ok();
        Assert.Equal(ErrorCodes.Forbidden, (await app.Client(classmate).SendAsync(Open, new { id = notTheirs })).FirstErrorCode);
    }
}
