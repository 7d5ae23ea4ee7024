using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.Homework;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Tests;

public class HomeworkEditingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid EstablishmentId = Guid.CreateVersion7();
    private static readonly SchoolClass Class = new(Guid.CreateVersion7(), EstablishmentId, "2nde 1", new SchoolYear(2026));

    private static Person Teacher(bool teachesTheClass = true)
    {
        var id = Guid.CreateVersion7();
        var person = Person.Create(new PersonRegistered(id, PersonalData.Of(id, "Claire"), PersonalData.Of(id, "Muller")))
            .Apply(new TeacherAppointed(id, EstablishmentId));
        return teachesTheClass ? person.Apply(new TeachingAssigned(id, EstablishmentId, Class.Id, "Mathématiques")) : person;
    }

    private static Homework.Homework Work(Guid teacherId) =>
        new(Guid.CreateVersion7(), EstablishmentId, Class.Id, teacherId, Now.AddDays(3), [], SubmissionFormat.TextOrFile, Files.FileContentTypes.All);

    [Fact]
    public void Given_the_version_the_teacher_read_When_editing_Then_the_new_text_is_sealed_under_the_editor_and_the_format_kept_when_not_given()
    {
        var teacher = Teacher();
        var work = Work(Guid.CreateVersion7());

        var edited = HomeworkEditing.Edit(new EditHomework(work.Id, 3, "Exercices 1 à 5", Now.AddDays(4)), teacher, work, 3, Now);

        Assert.Equal(new HomeworkEdited(work.Id, EstablishmentId, teacher.Id, PersonalData.Of(teacher.Id, "Exercices 1 à 5"), Now.AddDays(4), SubmissionFormat.TextOrFile, Now), edited);
    }

    [Fact]
    public void Given_an_older_version_When_editing_Then_CONFLICT_names_the_current_version()
    {
        var teacher = Teacher();
        var work = Work(teacher.Id);

        var refused = Assert.Throws<BusinessRuleException>(() => HomeworkEditing.Edit(new EditHomework(work.Id, 2, "x", Now.AddDays(4)), teacher, work, 3, Now));

        Assert.Equal(ErrorCodes.Conflict, refused.Code);
        Assert.Equal(3L, refused.Extensions!["currentVersion"]);
    }

    [Fact]
    public void Given_a_teacher_who_does_not_teach_the_class_or_missing_work_When_editing_Then_it_is_not_found()
    {
        var outsider = Teacher(teachesTheClass: false);
        var work = Work(Guid.CreateVersion7());

        Assert.Equal(ErrorCodes.NotFound, Assert.Throws<BusinessRuleException>(() => HomeworkEditing.Edit(new EditHomework(work.Id, 1, "x", Now.AddDays(4)), outsider, work, 1, Now)).Code);
        Assert.Equal(ErrorCodes.NotFound, Assert.Throws<BusinessRuleException>(() => HomeworkEditing.Edit(new EditHomework(work.Id, 1, "x", Now.AddDays(4)), Teacher(), null, 0, Now)).Code);
    }

    [Fact]
    public void Given_a_due_date_in_the_past_When_editing_Then_it_is_invalid()
    {
        var teacher = Teacher();
        var work = Work(teacher.Id);

        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(() => HomeworkEditing.Edit(new EditHomework(work.Id, 1, "x", Now.AddHours(-1)), teacher, work, 1, Now)).Code);
    }
}
