using MonBureau.Domain.Common;
using MonBureau.Domain.Grades;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Tests;

public class AppreciationDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 16, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid EstablishmentId = Guid.CreateVersion7();
    private static readonly Guid ClassId = Guid.CreateVersion7();
    private static readonly GradeCalendar Calendar = GradeCalendar.DefaultFor(EstablishmentId);
    private static readonly SchoolYear Year = new(2026);

    private static Person Someone() =>
        Person.Create(new PersonRegistered(Guid.CreateVersion7(), PersonalData.Of(Guid.Empty, "A"), PersonalData.Of(Guid.Empty, "B")));

    private static readonly Person Student = Someone().Apply(new StudentEnrolled(Guid.Empty, EstablishmentId, ClassId));

    private static readonly Person Teacher = Someone()
        .Apply(new TeacherAppointed(Guid.Empty, EstablishmentId))
        .Apply(new TeachingAssigned(Guid.Empty, EstablishmentId, ClassId, "Mathématiques"));

    private static SubjectAppreciationWritten Write(string subject = "mathématiques", int term = 1, string text = "Bon trimestre.", Person? teacher = null) =>
        AppreciationDecisions.WriteForSubject(new WriteSubjectAppreciation(Student.Id, subject, term, text), teacher ?? Teacher, Student, [ClassId], Year, Calendar, Now);

    [Fact]
    public void The_appreciation_lands_on_the_student_s_report_card_of_the_term_sealed_under_the_student_and_spelled_as_the_teaching()
    {
        var written = Write();

        Assert.Equal(ReportCardIds.For(Student.Id, Year, 1), written.ReportCardId);
        Assert.Equal("Mathématiques", written.Subject);
        Assert.Equal(PersonalData.Of(Student.Id, "Bon trimestre."), written.Text);
    }

    [Fact]
    public void A_teacher_of_another_subject_or_class_finds_no_such_student() =>
        Assert.Equal(ErrorCodes.NotFound, Assert.Throws<BusinessRuleException>(() => Write(subject: "Histoire")).Code);

    [Fact]
    public void An_empty_or_too_long_appreciation_and_an_unknown_term_are_refused()
    {
        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(() => Write(text: "  ")).Code);
        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(() => Write(text: new string('a', AppreciationDecisions.MaxLength + 1))).Code);
        Assert.Equal(ErrorCodes.NotFound, Assert.Throws<BusinessRuleException>(() => Write(term: 4)).Code);
    }
}
