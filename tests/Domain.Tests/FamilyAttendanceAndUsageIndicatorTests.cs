using MonBureau.Domain.Attendance;
using MonBureau.Domain.Common;
using MonBureau.Domain.Indicators;

namespace MonBureau.Domain.Tests;

public class FamilyAttendanceAndUsageIndicatorTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    // Monday 16 November 2026, 00:00 in Paris (ISO week 2026-W47).
    private static readonly DateTimeOffset Week47 = new(2026, 11, 15, 23, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Monday = new(2026, 11, 16);
    private static readonly Guid School = Guid.CreateVersion7();
    private static readonly Guid ClassA = Guid.CreateVersion7();

    private static IndicatorFact Fact(FactKind kind, DateTimeOffset at, Guid? person = null, Role? role = null, Guid? subject = null, DateTimeOffset? recordedAt = null) =>
        new(Guid.CreateVersion7(), kind, School, at, recordedAt ?? at, person, role, SubjectId: subject);

    private static List<Guid> Students(int count) => [.. Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7())];

    private static IEnumerable<IndicatorFact> Placed(IEnumerable<Guid> students) =>
        students.Select(s => new IndicatorFact(Guid.CreateVersion7(), FactKind.StudentPlaced, School, Week47.AddDays(-30), Week47.AddDays(-30), s, UnitId: ClassA));

    private static IndicatorFact RollCall(Guid rollCallId, DateOnly day, IReadOnlyList<Guid> students, IReadOnlyList<Guid> absent, DateTimeOffset recordedAt) =>
        new(Guid.CreateVersion7(), FactKind.RollCallTaken, School, recordedAt, recordedAt, Guid.CreateVersion7(), Role.Teacher, ClassA, rollCallId,
            Targets: students, HalfDays: [new HalfDay(day, DayPart.Morning)], Absent: absent);

    private static IndicatorFact Absence(Guid absenceId, Guid student, DateOnly day, bool justifies, DateTimeOffset recordedAt) =>
        new(Guid.CreateVersion7(), FactKind.AbsenceRecorded, School, recordedAt, recordedAt, student, SubjectId: absenceId, HalfDays: [new HalfDay(day, DayPart.Morning)], Justifies: justifies);

    private static WeeklyFigure Single(IEnumerable<IndicatorFact> facts, Indicator indicator, Guid? classId, DateTimeOffset asOf, EntModule? module = null, Role? profile = null) =>
        Assert.Single(IndicatorFold.Compute(School, facts, asOf),
            f => f.Indicator == indicator && f.ClassId == classId && f.Week == IsoWeek.Of(Week47, Paris) && f.Module == module && f.Profile == profile);

    [Fact]
    public void The_guardian_consultation_rate_counts_each_guardian_of_the_classs_students_once_and_only_guardian_sign_ins()
    {
        var students = Students(3);
        var (both, other, absentee, ended) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var facts = Placed(students).ToList();
        facts.AddRange(
        [
            Fact(FactKind.GuardianLinked, Week47.AddDays(-20), both, Role.Guardian, students[0]),
            Fact(FactKind.GuardianLinked, Week47.AddDays(-20), both, Role.Guardian, students[1]),
            Fact(FactKind.GuardianLinked, Week47.AddDays(-20), other, Role.Guardian, students[1]),
            Fact(FactKind.GuardianLinked, Week47.AddDays(-20), absentee, Role.Guardian, students[2]),
            Fact(FactKind.GuardianLinked, Week47.AddDays(-20), ended, Role.Guardian, students[2]),
            Fact(FactKind.GuardianUnlinked, Week47.AddDays(-10), ended, Role.Guardian, students[2]),
            Fact(FactKind.SignedIn, Week47.AddDays(1), both, Role.Guardian),
            Fact(FactKind.SignedIn, Week47.AddDays(2), both, Role.Guardian),
            Fact(FactKind.SignedIn, Week47.AddDays(2), other, Role.Teacher),
            Fact(FactKind.SignedIn, Week47.AddDays(-2), absentee, Role.Guardian),
        ]);

        var figure = Single(facts, Indicator.GuardianConsultationRate, ClassA, Week47.AddDays(6));

        Assert.Equal((1.0, 3, 33.3), (figure.Numerator, figure.Denominator, figure.Value));
        Assert.True(IndicatorThresholds.Default(Indicator.GuardianConsultationRate).Alerts(figure.Value));
    }

    [Fact]
    public void The_absence_rate_counts_marks_at_roll_calls_as_corrected_and_a_later_justification_changes_the_past_week_only_from_when_it_was_recorded()
    {
        var students = Students(4);
        var (first, second) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var endOfWeek = Week47.AddDays(6);
        var facts = Placed(students).ToList();
        facts.Add(RollCall(first, Monday, students, [students[0], students[1]], Week47.AddHours(9)));
        facts.Add(RollCall(second, Monday.AddDays(1), students, [students[2]], Week47.AddDays(1).AddHours(9)));
        // The teacher corrects the first roll call: the second student was there after all.
        facts.Add(new IndicatorFact(Guid.CreateVersion7(), FactKind.RollCallCorrected, School, Week47.AddHours(10), Week47.AddHours(10), SubjectId: first, Targets: [students[1]], Absent: []));
        var absenceOfFirst = Guid.CreateVersion7();
        facts.Add(Absence(absenceOfFirst, students[0], Monday, justifies: false, Week47.AddHours(9)));
        facts.Add(Absence(Guid.CreateVersion7(), students[2], Monday.AddDays(1), justifies: true, Week47.AddDays(1).AddHours(11)));
        // Accepted the week after.
        facts.Add(new IndicatorFact(Guid.CreateVersion7(), FactKind.AbsenceJustified, School, endOfWeek.AddDays(2), endOfWeek.AddDays(2), students[0], SubjectId: absenceOfFirst, Justifies: true));

        var absence = Single(facts, Indicator.AbsenceRate, ClassA, endOfWeek);
        var unjustifiedThen = Single(facts, Indicator.UnjustifiedAbsenceRate, ClassA, endOfWeek);
        var unjustifiedNow = Single(facts, Indicator.UnjustifiedAbsenceRate, ClassA, endOfWeek.AddDays(3));

        Assert.Equal((2.0, 8, 25.0), (absence.Numerator, absence.Denominator, absence.Value));
        Assert.Equal((1.0, 2, 50.0), (unjustifiedThen.Numerator, unjustifiedThen.Denominator, unjustifiedThen.Value));
        Assert.Equal((0.0, 2, 0.0), (unjustifiedNow.Numerator, unjustifiedNow.Denominator, unjustifiedNow.Value));
        Assert.True(IndicatorThresholds.Default(Indicator.AbsenceRate).Alerts(absence.Value));
    }

    [Fact]
    public void Module_usage_counts_distinct_active_users_among_a_profiles_expected_users_and_flags_the_under_used_module()
    {
        var students = Students(5);
        var teachers = Students(4);
        var guardian = Guid.CreateVersion7();
        var facts = Placed(students).ToList();
        facts.AddRange(teachers.Select(t => Fact(FactKind.TeacherAppointed, Week47.AddDays(-30), t, Role.Teacher)));
        facts.Add(Fact(FactKind.GuardianLinked, Week47.AddDays(-30), guardian, Role.Guardian, students[0]));
        facts.Add(new IndicatorFact(Guid.CreateVersion7(), FactKind.ModuleUsed, School, Week47.AddDays(1), Week47.AddDays(1), teachers[0], Role.Teacher, Code: "LessonLog"));
        facts.Add(new IndicatorFact(Guid.CreateVersion7(), FactKind.ModuleUsed, School, Week47.AddDays(2), Week47.AddDays(2), teachers[0], Role.Teacher, Code: "LessonLog"));
        facts.Add(new IndicatorFact(Guid.CreateVersion7(), FactKind.ModuleUsed, School, Week47.AddDays(2), Week47.AddDays(2), teachers[1], Role.Teacher, Code: "LessonLog"));
        // A read by someone the event does not name a profile for: the guardian, by their link.
        facts.Add(new IndicatorFact(Guid.CreateVersion7(), FactKind.ModuleUsed, School, Week47.AddDays(2), Week47.AddDays(2), guardian, Code: "Messaging"));
        facts.Add(new IndicatorFact(Guid.CreateVersion7(), FactKind.ModuleUsed, School, Week47.AddDays(3), Week47.AddDays(3), teachers[2], Role.Teacher, Code: "Resources"));

        var lessonLog = Single(facts, Indicator.ModuleUsage, null, Week47.AddDays(6), EntModule.LessonLog, Role.Teacher);
        var resources = Single(facts, Indicator.ModuleUsage, null, Week47.AddDays(6), EntModule.Resources, Role.Teacher);
        var familiesMessaging = Single(facts, Indicator.ModuleUsage, null, Week47.AddDays(6), EntModule.Messaging, Role.Guardian);
        var homework = Single(facts, Indicator.ModuleUsage, null, Week47.AddDays(6), EntModule.Homework, Role.Student);

        Assert.Equal((2.0, 4, 50.0), (lessonLog.Numerator, lessonLog.Denominator, lessonLog.Value));
        Assert.Equal((1.0, 4, 25.0), (resources.Numerator, resources.Denominator, resources.Value));
        Assert.Equal((1.0, 1, 100.0), (familiesMessaging.Numerator, familiesMessaging.Denominator, familiesMessaging.Value));
        Assert.Equal((0.0, 5, 0.0), (homework.Numerator, homework.Denominator, homework.Value));
        Assert.True(IndicatorThresholds.Default(Indicator.ModuleUsage).Alerts(homework.Value));
        Assert.False(IndicatorThresholds.Default(Indicator.ModuleUsage).Alerts(resources.Value));
    }
}
