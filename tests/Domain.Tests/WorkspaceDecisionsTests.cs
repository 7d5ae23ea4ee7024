using System.Text;
using MonBureau.Domain.Common;
using MonBureau.Domain.Files;
using MonBureau.Domain.Workspace;

namespace MonBureau.Domain.Tests;

public class WorkspaceDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid EstablishmentId = Guid.CreateVersion7();
    private static readonly Guid ClassId = Guid.CreateVersion7();
    private static readonly WorkspaceScope ClassScope = WorkspaceScope.Class(ClassId, EstablishmentId);

    private static WorkspaceViewer Teacher(string subject = "Mathématiques") =>
        WorkspaceScopes.Of(Guid.CreateVersion7(), EstablishmentId, null, [], [(ClassId, false, subject)], []);

    private static WorkspaceViewer Student(Guid? classId = null) =>
        WorkspaceScopes.Of(Guid.CreateVersion7(), EstablishmentId, classId ?? ClassId, [], [], []);

    private static UploadWorkspaceFile Upload(Guid folderId, string text = "Cours du lundi", string name = "cours.txt") =>
        new(folderId, new UploadedFile(name, FileContentTypes.PlainText, Encoding.UTF8.GetBytes(text)));

    /// <summary>Applies each event to the tree, as the write model would.</summary>
    private static WorkspaceTree With(WorkspaceTree tree, params object[] events)
    {
        var items = tree.Items.ToDictionary(i => i.Id);
        foreach (var e in events)
        {
            var item = e switch
            {
                WorkspaceFolderCreated c => WorkspaceItem.Create(c),
                WorkspaceFilePlaced p => WorkspaceItem.Create(p),
                WorkspaceItemBinned b => items[b.ItemId].Apply(b),
                WorkspaceItemRestored r => items[r.ItemId].Apply(r),
                WorkspaceItemMoved m => items[m.ItemId].Apply(m),
                WorkspaceFolderShared s => items[s.FolderId].Apply(s),
                _ => throw new ArgumentException(e.GetType().Name),
            };
            items[item.Id] = item;
        }

        return new WorkspaceTree(tree.Scope, items.Values);
    }

    private static WorkspaceTree Empty(WorkspaceScope scope) => new(scope, []);

    private static string CodeOf(Action act) => Assert.Throws<BusinessRuleException>(act).Code;

    [Fact]
    public void Given_a_teacher_of_the_class_When_creating_a_folder_at_the_top_Then_it_is_in_the_class_tree_named_as_typed()
    {
        var teacher = Teacher();
        var tree = Empty(ClassScope);

        var created = WorkspaceDecisions.CreateFolder(Guid.CreateVersion7(), new CreateWorkspaceFolder(tree.RootId, "  Chapitre   1 "), teacher, tree, Now);

        Assert.Equal("Chapitre 1", created.Name.Value);
        Assert.Equal(teacher.PersonId, created.Name.SubjectId);
        Assert.Equal(ClassScope, created.Scope);
    }

    [Fact]
    public void Given_a_student_of_the_class_When_creating_a_folder_Then_it_is_forbidden_and_a_student_of_another_class_does_not_find_it()
    {
        var tree = Empty(ClassScope);

        Assert.Equal(ErrorCodes.Forbidden, CodeOf(() => WorkspaceDecisions.CreateFolder(Guid.CreateVersion7(), new CreateWorkspaceFolder(tree.RootId, "x"), Student(), tree, Now)));
        Assert.Equal(ErrorCodes.NotFound, CodeOf(() => WorkspaceDecisions.CreateFolder(Guid.CreateVersion7(), new CreateWorkspaceFolder(tree.RootId, "x"), Student(Guid.CreateVersion7()), tree, Now)));
    }

    [Fact]
    public void Given_a_folder_of_that_name_When_creating_another_ignoring_case_Then_it_conflicts()
    {
        var teacher = Teacher();
        var tree = Empty(ClassScope);
        tree = With(tree, WorkspaceDecisions.CreateFolder(Guid.CreateVersion7(), new CreateWorkspaceFolder(tree.RootId, "Exercices"), teacher, tree, Now));

        Assert.Equal(ErrorCodes.Conflict, CodeOf(() => WorkspaceDecisions.CreateFolder(Guid.CreateVersion7(), new CreateWorkspaceFolder(tree.RootId, "exercices"), teacher, tree, Now)));
    }

    [Fact]
    public void Given_folders_eight_deep_When_creating_a_ninth_level_Then_it_is_invalid()
    {
        var teacher = Teacher();
        var tree = Empty(ClassScope);
        var parent = tree.RootId;
        for (var level = 1; level <= WorkspaceDecisions.MaxDepth; level++)
        {
            var created = WorkspaceDecisions.CreateFolder(Guid.CreateVersion7(), new CreateWorkspaceFolder(parent, $"Niveau {level}"), teacher, tree, Now);
            tree = With(tree, created);
            parent = created.FolderId;
        }

        Assert.Equal(ErrorCodes.Validation, CodeOf(() => WorkspaceDecisions.CreateFolder(Guid.CreateVersion7(), new CreateWorkspaceFolder(parent, "Trop profond"), teacher, tree, Now)));
    }

    [Fact]
    public void Given_the_same_bytes_uploaded_twice_by_one_person_When_counting_Then_they_count_once_and_name_the_same_content()
    {
        var student = Student();
        var tree = Empty(student.PersonalScope);
        var first = WorkspaceDecisions.PlaceFile(Guid.CreateVersion7(), Upload(tree.RootId), student, tree, null, Guid.CreateVersion7(), WorkspaceQuotas.Student, Now);
        tree = With(tree, first);

        var second = WorkspaceDecisions.PlaceFile(Guid.CreateVersion7(), Upload(tree.RootId, name: "copie.txt"), student, tree, first.File.FileId, Guid.CreateVersion7(), WorkspaceQuotas.Student, Now);
        tree = With(tree, second);

        Assert.False(first.Deduplicated);
        Assert.True(second.Deduplicated);
        Assert.Equal(first.File.FileId, second.File.FileId);
        Assert.Equal(first.File.Size, tree.UsedBytes);
    }

    [Fact]
    public void Given_a_tree_near_its_quota_When_uploading_more_Then_quota_exceeded_but_the_same_content_again_still_fits()
    {
        var student = Student();
        var tree = Empty(student.PersonalScope);
        var placed = WorkspaceDecisions.PlaceFile(Guid.CreateVersion7(), Upload(tree.RootId, "0123456789"), student, tree, null, Guid.CreateVersion7(), 15, Now);
        tree = With(tree, placed);

        Assert.Equal(ErrorCodes.QuotaExceeded, CodeOf(() =>
            WorkspaceDecisions.PlaceFile(Guid.CreateVersion7(), Upload(tree.RootId, "abcdefghij"), student, tree, null, Guid.CreateVersion7(), 15, Now)));
        WorkspaceDecisions.PlaceFile(Guid.CreateVersion7(), Upload(tree.RootId, "0123456789"), student, tree, placed.File.FileId, Guid.CreateVersion7(), 15, Now);
    }

    [Fact]
    public void Given_a_binned_file_When_counting_Then_it_leaves_the_quota_and_comes_back_when_restored()
    {
        var student = Student();
        var tree = Empty(student.PersonalScope);
        var placed = WorkspaceDecisions.PlaceFile(Guid.CreateVersion7(), Upload(tree.RootId), student, tree, null, Guid.CreateVersion7(), WorkspaceQuotas.Student, Now);
        tree = With(tree, placed);

        tree = With(tree, WorkspaceDecisions.Bin(new BinWorkspaceItem(placed.EntryId), student, tree, Now));
        Assert.Equal(0, tree.UsedBytes);

        tree = With(tree, WorkspaceDecisions.Restore(new RestoreWorkspaceItem(placed.EntryId), student, tree, WorkspaceQuotas.Student, Now.AddDays(29)));
        Assert.Equal(placed.File.Size, tree.UsedBytes);
    }

    [Fact]
    public void Given_an_item_binned_more_than_thirty_days_ago_When_restoring_Then_it_is_no_longer_found()
    {
        var student = Student();
        var tree = Empty(student.PersonalScope);
        var placed = WorkspaceDecisions.PlaceFile(Guid.CreateVersion7(), Upload(tree.RootId), student, tree, null, Guid.CreateVersion7(), WorkspaceQuotas.Student, Now);
        tree = With(tree, placed, WorkspaceDecisions.Bin(new BinWorkspaceItem(placed.EntryId), student, With(tree, placed), Now));

        Assert.Equal(ErrorCodes.NotFound, CodeOf(() => WorkspaceDecisions.Restore(new RestoreWorkspaceItem(placed.EntryId), student, tree, WorkspaceQuotas.Student, Now.AddDays(31))));
    }

    [Fact]
    public void Given_a_binned_folder_When_looking_at_what_it_held_Then_its_files_are_out_of_the_tree_and_the_quota()
    {
        var student = Student();
        var tree = Empty(student.PersonalScope);
        var folder = WorkspaceDecisions.CreateFolder(Guid.CreateVersion7(), new CreateWorkspaceFolder(tree.RootId, "Brouillons"), student, tree, Now);
        tree = With(tree, folder);
        var placed = WorkspaceDecisions.PlaceFile(Guid.CreateVersion7(), Upload(folder.FolderId), student, tree, null, Guid.CreateVersion7(), WorkspaceQuotas.Student, Now);
        tree = With(tree, placed);

        tree = With(tree, WorkspaceDecisions.Bin(new BinWorkspaceItem(folder.FolderId), student, tree, Now));

        Assert.False(tree.IsLive(tree.Find(placed.EntryId)!));
        Assert.Equal(0, tree.UsedBytes);
        Assert.Equal(ErrorCodes.NotFound, CodeOf(() => WorkspaceDecisions.PlaceFile(Guid.CreateVersion7(), Upload(folder.FolderId), student, tree, null, Guid.CreateVersion7(), WorkspaceQuotas.Student, Now)));
    }

    [Fact]
    public void Given_a_folder_binned_When_the_restore_window_is_over_Then_it_and_what_it_held_are_due_and_nothing_else()
    {
        var student = Student();
        var tree = Empty(student.PersonalScope);
        var folder = WorkspaceDecisions.CreateFolder(Guid.CreateVersion7(), new CreateWorkspaceFolder(tree.RootId, "Brouillons"), student, tree, Now);
        tree = With(tree, folder);
        var inside = WorkspaceDecisions.PlaceFile(Guid.CreateVersion7(), Upload(folder.FolderId), student, tree, null, Guid.CreateVersion7(), WorkspaceQuotas.Student, Now);
        var kept = WorkspaceDecisions.PlaceFile(Guid.CreateVersion7(), Upload(tree.RootId, "Fiche gardée", "fiche.txt"), student, tree, null, Guid.CreateVersion7(), WorkspaceQuotas.Student, Now);
        tree = With(tree, inside, kept);
        tree = With(tree, WorkspaceDecisions.Bin(new BinWorkspaceItem(folder.FolderId), student, tree, Now));

        Assert.Empty(WorkspaceBin.Due(tree, Now.AddDays(WorkspaceDecisions.BinDays)));
        Assert.Equal(
            new[] { folder.FolderId, inside.EntryId }.Order(),
            WorkspaceBin.Due(tree, Now.AddDays(WorkspaceDecisions.BinDays + 1)).Select(i => i.Id).Order());
    }

    [Fact]
    public void Given_a_drop_box_When_students_drop_Then_each_sees_only_their_own_and_the_teacher_sees_all()
    {
        var teacher = Teacher();
        var (lea, hugo) = (Student(), Student());
        var tree = Empty(ClassScope);
        var dropBox = WorkspaceDecisions.CreateFolder(Guid.CreateVersion7(), new CreateWorkspaceFolder(tree.RootId, "Dépôt DM 3", DropBox: true), teacher, tree, Now);
        tree = With(tree, dropBox);

        var leaDrop = WorkspaceDecisions.PlaceFile(Guid.CreateVersion7(), Upload(dropBox.FolderId, "copie de Léa"), lea, tree, null, Guid.CreateVersion7(), WorkspaceQuotas.SharedUnit, Now);
        tree = With(tree, leaDrop);
        var dropped = tree.Find(leaDrop.EntryId)!;

        Assert.Equal(WorkspaceAccess.Drop, tree.AccessIn(lea, dropBox.FolderId));
        Assert.True(tree.Sees(lea, dropped));
        Assert.False(tree.Sees(hugo, dropped));
        Assert.True(tree.Sees(teacher, dropped));
        Assert.Equal(ErrorCodes.Validation, CodeOf(() => WorkspaceDecisions.CreateFolder(Guid.CreateVersion7(), new CreateWorkspaceFolder(dropBox.FolderId, "Sous-dossier"), teacher, tree, Now)));
        Assert.Equal(ErrorCodes.NotFound, CodeOf(() => WorkspaceDecisions.Bin(new BinWorkspaceItem(leaDrop.EntryId), hugo, tree, Now)));
    }

    [Fact]
    public void Given_a_drop_box_outside_a_class_or_group_When_creating_it_Then_it_is_invalid()
    {
        var student = Student();
        var tree = Empty(student.PersonalScope);

        Assert.Equal(ErrorCodes.Validation, CodeOf(() => WorkspaceDecisions.CreateFolder(Guid.CreateVersion7(), new CreateWorkspaceFolder(tree.RootId, "Dépôt", DropBox: true), student, tree, Now)));
    }

    [Fact]
    public void Given_a_folder_When_moving_it_into_its_own_subfolder_Then_it_is_invalid()
    {
        var teacher = Teacher();
        var tree = Empty(ClassScope);
        var outer = WorkspaceDecisions.CreateFolder(Guid.CreateVersion7(), new CreateWorkspaceFolder(tree.RootId, "Séquence 1"), teacher, tree, Now);
        tree = With(tree, outer);
        var inner = WorkspaceDecisions.CreateFolder(Guid.CreateVersion7(), new CreateWorkspaceFolder(outer.FolderId, "Séance 1"), teacher, tree, Now);
        tree = With(tree, inner);

        Assert.Equal(ErrorCodes.Validation, CodeOf(() => WorkspaceDecisions.Move(new MoveWorkspaceItem(outer.FolderId, inner.FolderId), teacher, tree, Now)));
        Assert.Equal(ErrorCodes.NotFound, CodeOf(() => WorkspaceDecisions.Move(new MoveWorkspaceItem(inner.FolderId, Guid.CreateVersion7()), teacher, tree, Now)));
    }

    [Fact]
    public void Given_a_personal_folder_shared_with_a_colleague_When_they_look_Then_they_read_it_and_others_do_not_see_it()
    {
        var owner = Teacher();
        var colleague = Teacher();
        var tree = Empty(owner.PersonalScope);
        var folder = WorkspaceDecisions.CreateFolder(Guid.CreateVersion7(), new CreateWorkspaceFolder(tree.RootId, "Progressions"), owner, tree, Now);
        tree = With(tree, folder);

        tree = With(tree, WorkspaceDecisions.Share(new ShareWorkspaceFolder(folder.FolderId, [colleague.PersonId]), owner, tree, new HashSet<Guid> { colleague.PersonId }, Now));

        Assert.Equal(WorkspaceAccess.Read, tree.AccessIn(colleague, folder.FolderId));
        Assert.Equal(WorkspaceAccess.None, tree.AccessIn(colleague, tree.RootId));
        Assert.Equal(WorkspaceAccess.None, tree.AccessIn(Teacher(), folder.FolderId));
        Assert.Equal(ErrorCodes.NotFound, CodeOf(() => WorkspaceDecisions.Share(new ShareWorkspaceFolder(folder.FolderId, [Guid.CreateVersion7()]), owner, tree, new HashSet<Guid>(), Now)));
    }

    [Fact]
    public void Given_subjects_taught_in_a_class_When_creating_subject_folders_twice_Then_one_folder_per_subject_and_nothing_the_second_time()
    {
        var teacher = Teacher();
        var tree = Empty(ClassScope);
        tree = With(tree, WorkspaceDecisions.CreateFolder(Guid.CreateVersion7(), new CreateWorkspaceFolder(tree.RootId, "mathématiques"), teacher, tree, Now));

        var created = WorkspaceDecisions.CreateSubjectFolders(teacher, tree, ["Mathématiques", "histoire-géographie", "Anglais", "Histoire-Géographie "], Guid.CreateVersion7, Now);
        tree = With(tree, [.. created]);

        Assert.Equal(["Anglais", "Histoire-géographie"], created.Select(c => c.Name.Value));
        Assert.Empty(WorkspaceDecisions.CreateSubjectFolders(teacher, tree, ["Mathématiques", "Anglais", "Histoire-géographie"], Guid.CreateVersion7, Now));
        Assert.Equal(ErrorCodes.Forbidden, CodeOf(() => WorkspaceDecisions.CreateSubjectFolders(Student(), tree, ["SVT"], Guid.CreateVersion7, Now)));
    }

    [Fact]
    public void Given_teachers_of_one_subject_When_enumerating_their_trees_Then_they_share_the_subject_team_tree_whatever_the_case()
    {
        var first = Teacher("Mathématiques");
        var second = Teacher("mathématiques");

        var team = Assert.Single(first.Leads, s => s.Kind == WorkspaceScopeKind.SubjectTeam);
        Assert.Equal(WorkspaceAccess.Write, WorkspaceScopes.AccessTo(second, team, false, []));
        Assert.Equal(WorkspaceAccess.None, WorkspaceScopes.AccessTo(Teacher("Anglais"), team, false, []));
        Assert.Equal(WorkspaceAccess.None, WorkspaceScopes.AccessTo(Student(), team, false, []));
    }

    [Fact]
    public void Given_a_workspace_file_When_a_homework_references_it_Then_it_gets_the_stored_content_and_others_files_are_not_found()
    {
        var teacher = Teacher();
        var tree = Empty(teacher.PersonalScope);
        var placed = WorkspaceDecisions.PlaceFile(Guid.CreateVersion7(), Upload(tree.RootId), teacher, tree, null, Guid.CreateVersion7(), WorkspaceQuotas.Staff, Now);
        tree = With(tree, placed);

        var files = WorkspaceReferences.Resolve([placed.EntryId], teacher, [tree], 5);

        Assert.Equal(placed.File.FileId, Assert.Single(files).FileId);
        Assert.Equal(ErrorCodes.NotFound, CodeOf(() => WorkspaceReferences.Resolve([placed.EntryId], Teacher(), [tree], 5)));
        Assert.Equal(ErrorCodes.Validation, CodeOf(() => WorkspaceReferences.Resolve([.. Enumerable.Range(0, 6).Select(_ => Guid.CreateVersion7())], teacher, [tree], 5)));
    }

    [Fact]
    public void Given_profiles_When_computing_a_personal_quota_Then_students_get_100_MiB_staff_more_and_shared_trees_their_own()
    {
        var student = Student();

        Assert.Equal(100 * WorkspaceQuotas.MiB, WorkspaceQuotas.LimitOf(student.PersonalScope, [Role.Student]));
        Assert.Equal(WorkspaceQuotas.Staff, WorkspaceQuotas.LimitOf(student.PersonalScope, [Role.Guardian, Role.Teacher]));
        Assert.Equal(WorkspaceQuotas.SharedUnit, WorkspaceQuotas.LimitOf(ClassScope, [Role.Student]));
    }

    [Fact]
    public void Given_a_project_of_the_class_When_its_people_open_its_tree_Then_its_teachers_write_its_students_read_and_others_see_nothing()
    {
        var coTeacherId = Guid.CreateVersion7();
        var project = new Projects.Project(Guid.CreateVersion7(), EstablishmentId, Guid.CreateVersion7(), "EPI Développement durable", [ClassId], [], [coTeacherId], []);
        var scope = WorkspaceScope.Project(project.Id, EstablishmentId);

        var coTeacher = WorkspaceScopes.Of(coTeacherId, EstablishmentId, null, [], [], [project]);
        var student = WorkspaceScopes.Of(Guid.CreateVersion7(), EstablishmentId, ClassId, [], [], [project]);
        var otherStudent = WorkspaceScopes.Of(Guid.CreateVersion7(), EstablishmentId, Guid.CreateVersion7(), [], [], [project]);

        Assert.Equal(WorkspaceAccess.Write, WorkspaceScopes.AccessTo(coTeacher, scope, inDropBox: false, []));
        Assert.Equal(WorkspaceAccess.Read, WorkspaceScopes.AccessTo(student, scope, inDropBox: false, []));
        Assert.Equal(WorkspaceAccess.Drop, WorkspaceScopes.AccessTo(student, scope, inDropBox: true, []));
        Assert.Equal(WorkspaceAccess.None, WorkspaceScopes.AccessTo(otherStudent, scope, inDropBox: false, []));
        Assert.Contains(scope, student.Trees);
    }
}
