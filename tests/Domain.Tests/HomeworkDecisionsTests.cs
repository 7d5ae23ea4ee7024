using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.Homework;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Tests;

public class HomeworkDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid EstablishmentId = Guid.CreateVersion7();
    private static readonly SchoolClass Class = new(Guid.CreateVersion7(), EstablishmentId, "2nde 1", new SchoolYear(2026));
    private static readonly TeachingUnit Unit = new(Class.Id, EstablishmentId);
    private static readonly HashSet<Guid> Everyone = [];

    private static Person TeacherOf(Guid establishmentId)
    {
        var id = Guid.CreateVersion7();
        return Person.Create(new PersonRegistered(id, PersonalData.Of(id, "Claire"), PersonalData.Of(id, "Muller")))
            .Apply(new TeacherAppointed(id, establishmentId))
            .Apply(new TeachingAssigned(id, establishmentId, Class.Id, "Mathématiques"));
    }

    private static AssignHomework Work(DateTimeOffset due, string title = "Fonctions affines") =>
        new(Class.Id, "Mathématiques", title, "Exercices 12 à 15 page 84.", due);

    [Fact]
    public void Given_a_teacher_of_the_establishment_When_assigning_Then_the_work_is_assigned_with_instructions_sealed_under_the_teacher()
    {
        var teacher = TeacherOf(EstablishmentId);
        var id = Guid.CreateVersion7();

        var assigned = HomeworkDecisions.Assign(id, Work(Now.AddDays(7)), teacher, Unit, Everyone, Now);

        Assert.Equal(
            new HomeworkAssigned(id, EstablishmentId, Class.Id, teacher.Id, "Mathématiques", "Fonctions affines",
                PersonalData.Of(teacher.Id, "Exercices 12 à 15 page 84."), Now.AddDays(7), Now, assigned.StudentIds, SubmissionFormat.TextOrFile, assigned.AllowedContentTypes),
            assigned);
        Assert.Empty(assigned.StudentIds!);
        Assert.Equal(Files.FileContentTypes.All, assigned.AllowedContentTypes);
    }

    [Fact]
    public void Given_a_due_date_in_the_past_When_assigning_Then_it_is_refused_as_invalid() =>
        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(
            () => HomeworkDecisions.Assign(Guid.NewGuid(), Work(Now.AddMinutes(-1)), TeacherOf(EstablishmentId), Unit, Everyone, Now)).Code);

    [Fact]
    public void Given_a_teacher_of_another_establishment_When_assigning_Then_the_class_is_not_found()
    {
        var error = Assert.Throws<BusinessRuleException>(
            () => HomeworkDecisions.Assign(Guid.NewGuid(), Work(Now.AddDays(1)), TeacherOf(Guid.CreateVersion7()), Unit, Everyone, Now));

        Assert.Equal(ErrorCodes.NotFound, error.Code);
    }

    [Fact]
    public void Given_a_teacher_of_the_school_who_does_not_teach_the_class_When_assigning_Then_the_class_is_not_found()
    {
        var id = Guid.CreateVersion7();
        var colleague = Person.Create(new PersonRegistered(id, PersonalData.Of(id, "Paul"), PersonalData.Of(id, "Klein")))
            .Apply(new TeacherAppointed(id, EstablishmentId));

        Assert.Equal(ErrorCodes.NotFound, Assert.Throws<BusinessRuleException>(
            () => HomeworkDecisions.Assign(Guid.NewGuid(), Work(Now.AddDays(1)), colleague, Unit, Everyone, Now)).Code);
    }

    [Fact]
    public void Given_a_subject_the_teacher_does_not_teach_there_When_assigning_Then_it_is_refused_as_invalid() =>
        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(
            () => HomeworkDecisions.Assign(Guid.NewGuid(), Work(Now.AddDays(1)) with { Subject = "Philosophie" }, TeacherOf(EstablishmentId), Unit, Everyone, Now)).Code);

    [Fact]
    public void Given_a_blank_title_When_assigning_Then_it_is_refused_as_invalid() =>
        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(
            () => HomeworkDecisions.Assign(Guid.NewGuid(), Work(Now.AddDays(1), "   "), TeacherOf(EstablishmentId), Unit, Everyone, Now)).Code);
}
