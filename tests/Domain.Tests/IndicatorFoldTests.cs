using MonBureau.Domain.Common;
using MonBureau.Domain.Indicators;

namespace MonBureau.Domain.Tests;

public class IndicatorFoldTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    // Monday 16 November 2026, 00:00 in Paris (ISO week 2026-W47).
    private static readonly DateTimeOffset Week47 = new(2026, 11, 15, 23, 0, 0, TimeSpan.Zero);
    private static readonly Guid School = Guid.CreateVersion7();
    private static readonly Guid ClassA = Guid.CreateVersion7();
    private static readonly Guid ClassB = Guid.CreateVersion7();

    private static IndicatorFact Fact(FactKind kind, DateTimeOffset at, Guid? person = null, Role? role = null, Guid? unit = null, Guid? subject = null, DateTimeOffset? due = null) =>
        new(Guid.CreateVersion7(), kind, School, at, at, person, role, unit, subject, due);

    private static IndicatorFact Placed(Guid student, Guid classId, DateTimeOffset at) => Fact(FactKind.StudentPlaced, at, student, unit: classId);

    private static WeeklyFigure Single(IEnumerable<IndicatorFact> facts, Indicator indicator, Guid? classId, DateTimeOffset asOf) =>
        Assert.Single(IndicatorFold.Compute(School, facts, asOf), f => f.Indicator == indicator && f.ClassId == classId && f.Week == IsoWeek.Of(Week47, Paris));

    [Fact]
    public void A_week_is_the_iso_week_of_the_establishments_local_date()
    {
        Assert.Equal("2026-W47", IsoWeek.Of(Week47, Paris).ToString());
        Assert.Equal("2026-W46", IsoWeek.Of(Week47.AddMinutes(-1), Paris).ToString());
        Assert.Equal(new DateOnly(2026, 11, 16), IsoWeek.Of(Week47, Paris).Monday);
        Assert.Equal("2027-W01", new IsoWeek(2026, 53).Next().ToString());
        Assert.True(IsoWeek.TryParse("2026-W47", out var parsed) && parsed == new IsoWeek(2026, 47));
        Assert.False(IsoWeek.TryParse("2026-W54", out _));
    }

    [Fact]
    public void The_login_rate_counts_each_student_of_the_class_that_week_once_whatever_their_sign_ins()
    {
        var students = Enumerable.Range(0, 4).Select(_ => Guid.CreateVersion7()).ToList();
        var facts = new List<IndicatorFact>();
        facts.AddRange(students.Select(s => Placed(s, ClassA, Week47.AddDays(-30))));
        facts.Add(Fact(FactKind.SignedIn, Week47.AddHours(9), students[0], Role.Student));
        facts.Add(Fact(FactKind.SignedIn, Week47.AddDays(2), students[0], Role.Student));
        facts.Add(Fact(FactKind.SignedIn, Week47.AddDays(3), students[1], Role.Student));
        facts.Add(Fact(FactKind.SignedIn, Week47.AddDays(3), students[2], Role.Guardian));
        facts.Add(Fact(FactKind.SignedIn, Week47.AddDays(-2), students[3], Role.Student));

        var figure = Single(facts, Indicator.StudentLoginRate, ClassA, Week47.AddDays(6));

        Assert.Equal((2, 4, 50.0), (figure.Numerator, figure.Denominator, figure.Value));
        Assert.True(IndicatorThresholds.Default(Indicator.StudentLoginRate).Alerts(figure.Value));
    }

    [Fact]
    public void A_student_who_changed_class_mid_week_counts_in_both_classes_and_once_for_the_establishment()
    {
        var student = Guid.CreateVersion7();
        var facts = new[] { Placed(student, ClassA, Week47.AddDays(-30)), Placed(student, ClassB, Week47.AddDays(2)), Fact(FactKind.SignedIn, Week47.AddDays(4), student, Role.Student) };

        Assert.Equal(1, Single(facts, Indicator.StudentLoginRate, ClassA, Week47.AddDays(6)).Denominator);
        Assert.Equal(1, Single(facts, Indicator.StudentLoginRate, ClassB, Week47.AddDays(6)).Denominator);
        Assert.Equal(1, Single(facts, Indicator.StudentLoginRate, null, Week47.AddDays(6)).Denominator);
    }

    [Fact]
    public void Homework_counts_once_per_student_it_was_for_late_hand_ins_included()
    {
        var students = Enumerable.Range(0, 3).Select(_ => Guid.CreateVersion7()).ToList();
        var homework = Guid.CreateVersion7();
        var due = Week47.AddDays(3).AddHours(17);
        var facts = new List<IndicatorFact>(students.Select(s => Placed(s, ClassA, Week47.AddDays(-30))))
        {
            Fact(FactKind.HomeworkSet, Week47, Guid.CreateVersion7(), Role.Teacher, ClassA, homework, due),
            Fact(FactKind.HomeworkHandedIn, due.AddHours(-3), students[0], Role.Student, subject: homework),
            Fact(FactKind.HomeworkHandedIn, due.AddHours(-2), students[0], Role.Student, subject: homework),
            Fact(FactKind.HomeworkHandedIn, due.AddDays(1), students[1], Role.Student, subject: homework),
        };

        var onTime = Single(facts, Indicator.OnlineSubmissionRate, ClassA, due);
        var withLate = Single(facts, Indicator.OnlineSubmissionRate, ClassA, Week47.AddDays(6));

        Assert.Equal((1.0, 3, 33.3), (onTime.Numerator, onTime.Denominator, onTime.Value));
        Assert.Equal((2.0, 3, 66.7), (withLate.Numerator, withLate.Denominator, withLate.Value));
    }

    [Fact]
    public void The_response_delay_counts_working_hours_from_the_familys_first_waiting_message_to_the_teachers_answer()
    {
        var thread = Guid.CreateVersion7();
        var guardian = Guid.CreateVersion7();
        var teacher = Guid.CreateVersion7();
        var facts = new[]
        {
            Fact(FactKind.MessagePosted, Week47.AddHours(10), guardian, Role.Guardian, subject: thread),
            Fact(FactKind.MessagePosted, Week47.AddHours(15), guardian, Role.Guardian, subject: thread),
            Fact(FactKind.MessagePosted, Week47.AddDays(1).AddHours(10), teacher, Role.Teacher, subject: thread),
            Fact(FactKind.MessagePosted, Week47.AddDays(1).AddHours(11), teacher, Role.Teacher, subject: thread),
        };

        var figure = Single(facts, Indicator.TeacherResponseDelay, null, Week47.AddDays(6));

        // Monday 10:00 to 20:00, then Tuesday 07:00 to 10:00; the teacher's second message answers nothing.
        Assert.Equal((13.0, 1, 1), (figure.Value, figure.Denominator, figure.People));
        Assert.True(figure.IsSmallCell);
    }

    [Fact]
    public void As_of_a_moment_only_facts_recorded_by_then_count_and_the_order_facts_come_in_does_not_matter()
    {
        var students = Enumerable.Range(0, 5).Select(_ => Guid.CreateVersion7()).ToList();
        var facts = students.Select(s => Placed(s, ClassA, Week47)).Concat(students.Select((s, i) => Fact(FactKind.SignedIn, Week47.AddDays(i), s, Role.Student))).ToList();

        Assert.Equal(60.0, Single(facts, Indicator.StudentLoginRate, ClassA, Week47.AddDays(2).AddHours(1)).Value);
        Assert.Equal(IndicatorFold.Compute(School, facts, Week47.AddDays(6)), IndicatorFold.Compute(School, Enumerable.Reverse(facts), Week47.AddDays(6)));
    }
}
