using MonBureau.Domain.Common;
using MonBureau.Domain.LessonLog;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Tests;

public class LessonLogDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid EstablishmentId = Guid.CreateVersion7();
    private static readonly TeachingUnit Class = new(Guid.CreateVersion7(), EstablishmentId);

    private static Person Teacher()
    {
        var id = Guid.CreateVersion7();
        return Person.Create(new PersonRegistered(id, PersonalData.Of(id, "Claire"), PersonalData.Of(id, "Muller")))
            .Apply(new TeacherAppointed(id, EstablishmentId))
            .Apply(new TeachingAssigned(id, EstablishmentId, Class.Id, "Mathématiques"));
    }

    private static WriteLessonLogEntry Lesson(string subject = "Mathématiques", int inDays = 0) =>
        new(Class.Id, subject, DateOnly.FromDateTime(Now.UtcDateTime).AddDays(inDays), "Fonctions affines", "Définition, représentation graphique.");

    [Fact]
    public void Given_a_teacher_of_the_class_When_writing_an_entry_Then_its_content_is_sealed_under_the_teacher()
    {
        var teacher = Teacher();

        var written = LessonLogDecisions.Write(Guid.CreateVersion7(), Lesson(), teacher, Class, [], Now);

        Assert.Equal(PersonalData.Of(teacher.Id, "Définition, représentation graphique."), written.Content);
        Assert.Equal(Class.Id, written.TeachingUnitId);
    }

    [Fact]
    public void Given_a_class_the_teacher_does_not_teach_When_writing_Then_it_is_not_found() =>
        Assert.Equal(ErrorCodes.NotFound, Assert.Throws<BusinessRuleException>(
            () => LessonLogDecisions.Write(Guid.CreateVersion7(), Lesson(), Teacher(), new TeachingUnit(Guid.CreateVersion7(), EstablishmentId), [], Now)).Code);

    [Fact]
    public void Given_a_subject_not_taught_there_or_a_date_years_away_When_writing_Then_it_is_invalid()
    {
        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(() => LessonLogDecisions.Write(Guid.CreateVersion7(), Lesson("Histoire"), Teacher(), Class, [], Now)).Code);
        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(() => LessonLogDecisions.Write(Guid.CreateVersion7(), Lesson(inDays: 400), Teacher(), Class, [], Now)).Code);
    }

    [Fact]
    public void Given_an_entry_When_a_colleague_edits_it_Then_it_is_not_found_and_the_author_can()
    {
        var teacher = Teacher();
        var entry = LessonLogEntry.Create(LessonLogDecisions.Write(Guid.CreateVersion7(), Lesson(), teacher, Class, [], Now));
        var edit = new EditLessonLogEntry(entry.Id, DateOnly.FromDateTime(Now.UtcDateTime), "Fonctions affines (suite)", "Exercices corrigés.");

        Assert.Equal(ErrorCodes.NotFound, Assert.Throws<BusinessRuleException>(() => LessonLogDecisions.Edit(edit, Guid.CreateVersion7(), entry, Now)).Code);
        Assert.Equal("Exercices corrigés.", LessonLogDecisions.Edit(edit, teacher.Id, entry, Now.AddHours(1)).Content.Value);
    }

    [Fact]
    public void Given_attachments_When_writing_Then_each_is_checked_named_under_the_teacher_and_at_most_five_are_taken()
    {
        var teacher = Teacher();
        var pdf = new Files.UploadedFile(" fiche.pdf ", "application/pdf", "%PDF-1.4 fiche"u8.ToArray());

        var written = LessonLogDecisions.Write(Guid.CreateVersion7(), Lesson(), teacher, Class, [(Guid.CreateVersion7(), pdf)], Now);
        var six = Enumerable.Range(0, 6).Select(_ => (Guid.CreateVersion7(), pdf)).ToList();

        Assert.Equal(PersonalData.Of(teacher.Id, "fiche.pdf"), Assert.Single(written.Attachments!).Name);
        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(() => LessonLogDecisions.Write(Guid.CreateVersion7(), Lesson(), teacher, Class, six, Now)).Code);
    }
}
