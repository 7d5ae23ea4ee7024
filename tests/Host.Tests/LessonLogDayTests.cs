using System.Globalization;
using System.Text;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>A day in the cahier de textes: the teacher writes and corrects, the family reads, direction sees every version.</summary>
[Collection(AppHost.Name)]
public class LessonLogDayTests(AppFactory app)
{
    private const string Write = "mutation($i: WriteLessonLogEntryInput!) { writeLessonLogEntry(input: $i) { lessonLogEntry { id title content version lessonDate } userErrors { code message } } }";
    private const string Edit = "mutation($i: EditLessonLogEntryInput!) { editLessonLogEntry(input: $i) { lessonLogEntry { id title content version lastEditedAt } userErrors { code message } } }";
    private const string MyLog = "{ myLessonLog { nodes { id title content version } } }";
    private const string ChildLog = "query($id: ID!) { studentLessonLog(studentId: $id) { nodes { id title content } } }";
    private const string History = "query($id: ID!) { lessonLogEntryHistory(entryId: $id) { nodes { number title content at } } }";
    private const string OpenFile = "query($id: ID!) { file(fileId: $id) { contentBase64 } }";
    private const string UnitLog = "query($id: ID!) { lessonLog(teachingUnitId: $id) { nodes { id content } } }";

    private string Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private object Lesson(SchoolScenario school, string subject = SchoolScenario.Subject) => new
    {
        i = new { teachingUnitId = school.ClassId, subject, lessonDate = Today, title = "Fonctions affines", content = "Définition et représentation graphique." },
    };

    private object Correction(string entryId) => new
    {
        i = new { entryId, lessonDate = Today, title = "Fonctions affines (1)", content = "Définition, représentation graphique, exercice 3 corrigé." },
    };

    [Fact]
    public async Task The_teacher_records_a_lesson_and_the_student_and_their_guardian_read_it()
    {
        var day = await TeachingDay.CreateAsync(app);

        var entry = (await app.Client(day.School.TeacherToken).SendAsync(Write, Lesson(day.School))).Ok()["writeLessonLogEntry"]!["lessonLogEntry"]!;

        Assert.Equal(Today, entry["lessonDate"]!.GetValue<string>());
        var seen = Assert.Single((await app.Client(day.School.StudentToken).SendAsync(MyLog)).Ok()["myLessonLog"]!["nodes"]!.AsArray())!;
        Assert.Equal("Définition et représentation graphique.", seen["content"]!.GetValue<string>());
        var read = Assert.Single((await app.Client(day.GuardianToken).SendAsync(ChildLog, new { id = day.School.StudentId })).Ok()["studentLessonLog"]!["nodes"]!.AsArray())!;
        Assert.Equal("Fonctions affines", read["title"]!.GetValue<string>());
        Assert.Single((await app.Client(day.DirectionToken).SendAsync(UnitLog, new { id = day.School.ClassId })).Ok()["lessonLog"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task A_correction_shows_the_new_text_to_the_family_and_keeps_the_first_version_for_direction_and_the_author()
    {
        var day = await TeachingDay.CreateAsync(app);
        var teacher = app.Client(day.School.TeacherToken);
        var id = (await teacher.SendAsync(Write, Lesson(day.School))).Ok()["writeLessonLogEntry"]!["lessonLogEntry"]!["id"]!.GetValue<string>();
        app.Clock.Advance(TimeSpan.FromMinutes(30));

        var edited = (await teacher.SendAsync(Edit, Correction(id))).Ok()["editLessonLogEntry"]!["lessonLogEntry"]!;

        Assert.Equal(2, edited["version"]!.GetValue<int>());
        Assert.Equal("Définition, représentation graphique, exercice 3 corrigé.",
            Assert.Single((await app.Client(day.School.StudentToken).SendAsync(MyLog)).Ok()["myLessonLog"]!["nodes"]!.AsArray())!["content"]!.GetValue<string>());
        foreach (var reader in new[] { day.DirectionToken, day.School.TeacherToken })
        {
            var versions = (await app.Client(reader).SendAsync(History, new { id })).Ok()["lessonLogEntryHistory"]!["nodes"]!.AsArray();
            Assert.Equal(["Définition et représentation graphique.", "Définition, représentation graphique, exercice 3 corrigé."],
                versions.Select(v => v!["content"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task The_history_is_not_for_students_guardians_colleagues_or_another_school_s_direction()
    {
        var day = await TeachingDay.CreateAsync(app);
        var other = await SchoolScenario.CreateAsync(app);
        var id = (await app.Client(day.School.TeacherToken).SendAsync(Write, Lesson(day.School))).Ok()["writeLessonLogEntry"]!["lessonLogEntry"]!["id"]!.GetValue<string>();
        var elsewhereDirection = app.TokenFor(new Actor(Guid.CreateVersion7(), Role.Direction, other.EstablishmentId));

        Assert.Equal("FORBIDDEN", (await app.Client(day.School.StudentToken).SendAsync(History, new { id })).FirstErrorCode);
        Assert.Equal("FORBIDDEN", (await app.Client(day.GuardianToken).SendAsync(History, new { id })).FirstErrorCode);
        Assert.Equal("NOT_FOUND", (await app.Client(day.ColleagueToken).SendAsync(History, new { id })).FirstErrorCode);
        Assert.Equal("NOT_FOUND", (await app.Client(elsewhereDirection).SendAsync(History, new { id })).FirstErrorCode);
        Assert.Equal("NOT_FOUND", (await app.Client(elsewhereDirection).SendAsync(UnitLog, new { id = day.School.ClassId })).FirstErrorCode);
    }

    [Fact]
    public async Task A_colleague_cannot_write_in_a_class_they_do_not_teach_nor_edit_someone_else_s_entry_and_nothing_changes()
    {
        var day = await TeachingDay.CreateAsync(app);
        var id = (await app.Client(day.School.TeacherToken).SendAsync(Write, Lesson(day.School))).Ok()["writeLessonLogEntry"]!["lessonLogEntry"]!["id"]!.GetValue<string>();
        var colleague = app.Client(day.ColleagueToken);

        Assert.Equal("NOT_FOUND", (await colleague.SendAsync(Write, Lesson(day.School))).FirstErrorCode);
        Assert.Equal("NOT_FOUND", (await colleague.SendAsync(Edit, Correction(id))).FirstErrorCode);
        Assert.Equal("VALIDATION", (await app.Client(day.School.TeacherToken).SendAsync(Write, Lesson(day.School, "Philosophie"))).FirstErrorCode);

        var log = (await app.Client(day.School.StudentToken).SendAsync(MyLog)).Ok()["myLessonLog"]!["nodes"]!.AsArray();
        var only = Assert.Single(log)!;
        Assert.Equal(1, only["version"]!.GetValue<int>());
        Assert.Equal("Définition et représentation graphique.", only["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_guardian_reads_only_their_own_child_s_lesson_log_and_a_student_only_their_class_s()
    {
        var day = await TeachingDay.CreateAsync(app);
        var other = await SchoolScenario.CreateAsync(app);
        (await app.Client(day.School.TeacherToken).SendAsync(Write, Lesson(day.School))).Ok();

        Assert.Equal("FORBIDDEN", (await app.Client(day.GuardianToken).SendAsync(ChildLog, new { id = day.ClassmateId })).FirstErrorCode);
        Assert.Empty((await app.Client(other.StudentToken).SendAsync(MyLog)).Ok()["myLessonLog"]!["nodes"]!.AsArray());
        Assert.Equal("FORBIDDEN", (await app.Client(day.School.StudentToken).SendAsync(Write, Lesson(day.School))).FirstErrorCode);
    }

    [Fact]
    public async Task A_document_attached_to_a_lesson_opens_for_the_class_and_its_families_and_for_nobody_outside()
    {
        var day = await TeachingDay.CreateAsync(app);
        var other = await SchoolScenario.CreateAsync(app);
        var handout = Encoding.ASCII.GetBytes("%PDF-1.7\n% fiche d'exercices\n");
        var attachment = new { name = "fiche.pdf", contentType = "application/pdf", contentBase64 = Convert.ToBase64String(handout) };
        var lesson = new { i = new { teachingUnitId = day.School.ClassId, subject = SchoolScenario.Subject, lessonDate = Today, title = "TD", content = "Fiche d'exercices.", attachments = new[] { attachment } } };

        var entry = (await app.Client(day.School.TeacherToken).SendAsync(
            "mutation($i: WriteLessonLogEntryInput!) { writeLessonLogEntry(input: $i) { lessonLogEntry { attachments { fileId name sha256 } } userErrors { code message } } }", lesson)).Ok()["writeLessonLogEntry"]!["lessonLogEntry"]!;
        var fileId = entry["attachments"]![0]!["fileId"]!.GetValue<string>();

        foreach (var reader in new[] { day.School.StudentToken, day.ClassmateToken, day.GuardianToken, day.DirectionToken })
            Assert.Equal(handout, Convert.FromBase64String((await app.Client(reader).SendAsync(OpenFile, new { id = fileId })).Ok()["file"]!["contentBase64"]!.GetValue<string>()));
        foreach (var stranger in new[] { day.ColleagueToken, other.StudentToken, other.TeacherToken })
            Assert.Equal("FORBIDDEN", (await app.Client(stranger).SendAsync(OpenFile, new { id = fileId })).FirstErrorCode);
    }

    [Fact]
    public async Task An_attachment_that_is_not_what_it_claims_refuses_the_whole_entry()
    {
        var day = await TeachingDay.CreateAsync(app);
        var disguised = new { name = "fiche.pdf", contentType = "application/pdf", contentBase64 = Convert.ToBase64String([0x4D, 0x5A, 0x90, 0x00]) };
        var lesson = new { i = new { teachingUnitId = day.School.ClassId, subject = SchoolScenario.Subject, lessonDate = Today, title = "TD", content = "Fiche.", attachments = new[] { disguised } } };

        Assert.Equal("VALIDATION", (await app.Client(day.School.TeacherToken).SendAsync(Write, lesson)).FirstErrorCode);
        Assert.Empty((await app.Client(day.School.StudentToken).SendAsync(MyLog)).Ok()["myLessonLog"]!["nodes"]!.AsArray());
    }
}
