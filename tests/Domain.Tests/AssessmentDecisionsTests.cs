using MonBureau.Domain.Common;
using MonBureau.Domain.Grades;
using MonBureau.Domain.Grading;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Tests;

public class AssessmentDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 16, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid EstablishmentId = Guid.CreateVersion7();
    private static readonly AssessedUnit Class = new(Guid.CreateVersion7(), EstablishmentId, new SchoolYear(2026));
    private static readonly GradeCalendar Calendar = GradeCalendar.DefaultFor(EstablishmentId);
    private static readonly Guid StudentId = Guid.CreateVersion7();
    private static readonly Guid OtherStudentId = Guid.CreateVersion7();

    private static readonly Person Teacher = Person.Create(new PersonRegistered(Guid.CreateVersion7(), PersonalData.Of(Guid.Empty, "C"), PersonalData.Of(Guid.Empty, "M")))
        .Apply(new TeacherAppointed(Guid.Empty, EstablishmentId))
        .Apply(new TeachingAssigned(Guid.Empty, EstablishmentId, Class.Id, "Mathématiques"));

    private static AssessmentCreated Create(CreateAssessment? command = null, AssessedUnit? unit = null, GradingScale? scale = null) =>
        AssessmentDecisions.Create(Guid.CreateVersion7(), command ?? new CreateAssessment(Class.Id, "Mathématiques", "DS 2", new DateOnly(2026, 12, 3), 2m),
            Teacher, unit ?? Class, Calendar, scale, Now);

    private static MarksEntered Enter(params MarkInput[] marks) =>
        AssessmentDecisions.EnterMarks(new EnterMarks(Guid.Empty, marks), Teacher.Id, Assessment.Create(Create()), new HashSet<Guid> { StudentId, OtherStudentId }, Now);

    private static string Refused(Action action) => Assert.Throws<BusinessRuleException>(action).Code;

    [Fact]
    public void An_assessment_falls_in_the_term_of_its_date_and_is_out_of_twenty_by_default()
    {
        var created = Create();

        Assert.Equal((2, 20m, 2m), (created.Term, created.OutOf, created.Coefficient));
    }

    [Fact]
    public void An_assessment_on_a_numeric_barème_is_out_of_its_maximum_and_one_on_levels_is_refused()
    {
        var outOfTen = GradingScale.Create(new GradingScaleCreated(Guid.CreateVersion7(), EstablishmentId, null, "Sur 10", GradingScaleKind.Numeric, 10m, [], Now));
        var levels = GradingScale.Create(new GradingScaleCreated(Guid.CreateVersion7(), EstablishmentId, null, "A-D", GradingScaleKind.Levels, null, ["A", "B", "C", "D"], Now));

        Assert.Equal(10m, Create(new CreateAssessment(Class.Id, "Mathématiques", "Interro", new DateOnly(2026, 11, 20), GradingScaleId: outOfTen.Id), scale: outOfTen).OutOf);
        Assert.Equal(ErrorCodes.Validation, Refused(() => Create(new CreateAssessment(Class.Id, "Mathématiques", "Interro", new DateOnly(2026, 11, 20), GradingScaleId: levels.Id), scale: levels)));
    }

    [Fact]
    public void A_class_the_teacher_does_not_teach_is_not_found_and_a_subject_they_do_not_teach_there_is_invalid()
    {
        var otherClass = Class with { Id = Guid.CreateVersion7() };

        Assert.Equal(ErrorCodes.NotFound, Refused(() => Create(new CreateAssessment(otherClass.Id, "Mathématiques", "DS", new DateOnly(2026, 11, 20)), otherClass)));
        Assert.Equal(ErrorCodes.Validation, Refused(() => Create(new CreateAssessment(Class.Id, "Physique-chimie", "DS", new DateOnly(2026, 11, 20)))));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(21)]
    public void A_coefficient_out_of_range_is_refused(int coefficient) =>
        Assert.Equal(ErrorCodes.Validation, Refused(() => Create(new CreateAssessment(Class.Id, "Mathématiques", "DS", new DateOnly(2026, 11, 20), coefficient))));

    [Fact]
    public void A_date_outside_the_school_year_of_the_class_is_in_no_term() =>
        Assert.Equal(ErrorCodes.Validation, Refused(() => Create(new CreateAssessment(Class.Id, "Mathématiques", "DS", new DateOnly(2027, 9, 10)))));

    [Fact]
    public void Marks_absences_and_exemptions_are_recorded_with_the_comment_sealed_under_the_student()
    {
        var entered = Enter(new MarkInput(StudentId, MarkStatus.Marked, 14.5m, "Bon travail"), new MarkInput(OtherStudentId, MarkStatus.Absent, null, null));

        Assert.Equal(new Mark(StudentId, MarkStatus.Marked, 14.5m, PersonalData.Of(StudentId, "Bon travail")), entered.Marks[0]);
        Assert.Equal(new Mark(OtherStudentId, MarkStatus.Absent, null, null), entered.Marks[1]);
    }

    [Theory]
    [InlineData(20.5)]
    [InlineData(-1)]
    [InlineData(12.345)]
    public void A_mark_off_the_scale_refuses_the_whole_entry(double value) =>
        Assert.Equal(ErrorCodes.Validation, Refused(() => Enter(
            new MarkInput(OtherStudentId, MarkStatus.Marked, 12m, null), new MarkInput(StudentId, MarkStatus.Marked, (decimal)value, null))));

    [Fact]
    public void A_marked_line_needs_a_value_and_an_absent_line_has_none()
    {
        Assert.Equal(ErrorCodes.Validation, Refused(() => Enter(new MarkInput(StudentId, MarkStatus.Marked, null, null))));
        Assert.Equal(ErrorCodes.Validation, Refused(() => Enter(new MarkInput(StudentId, MarkStatus.Exempt, 12m, null))));
    }

    [Fact]
    public void A_student_outside_the_class_cannot_be_marked() =>
        Assert.Equal(ErrorCodes.NotFound, Refused(() => Enter(new MarkInput(Guid.CreateVersion7(), MarkStatus.Marked, 12m, null))));

    [Fact]
    public void Another_teacher_cannot_mark_the_assessment() =>
        Assert.Equal(ErrorCodes.NotFound, Refused(() => AssessmentDecisions.EnterMarks(
            new EnterMarks(Guid.Empty, [new MarkInput(StudentId, MarkStatus.Marked, 12m, null)]), Guid.CreateVersion7(), Assessment.Create(Create()), new HashSet<Guid> { StudentId }, Now)));
}
