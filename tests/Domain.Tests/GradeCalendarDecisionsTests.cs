using MonBureau.Domain.Common;
using MonBureau.Domain.Grades;

namespace MonBureau.Domain.Tests;

public class GradeCalendarDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 16, 8, 0, 0, TimeSpan.Zero);
    private static readonly SchoolYear Year = new(2026);
    private static readonly GradeCalendar Calendar = GradeCalendar.DefaultFor(Guid.CreateVersion7());

    private static readonly TermDates[] Semesters =
    [
        new("1er semestre", new DateOnly(2026, 9, 1), new DateOnly(2027, 1, 31)),
        new("2e semestre", new DateOnly(2027, 2, 1), new DateOnly(2027, 8, 31)),
    ];

    [Fact]
    public void Without_terms_defined_a_school_year_has_three_trimesters_covering_every_day()
    {
        var terms = Calendar.TermsOf(Year);

        Assert.Equal([1, 2, 3], terms.Select(t => t.Number));
        Assert.Equal(new DateOnly(2026, 9, 1), terms[0].Start);
        Assert.Equal(new DateOnly(2027, 2, 28), terms[1].End);
        Assert.Equal(new DateOnly(2027, 8, 31), terms[2].End);
        Assert.Equal(2, Calendar.TermOn(Year, new DateOnly(2026, 12, 1))!.Number);
        Assert.Equal(29, SchoolTerms.Default(new SchoolYear(2027))[1].End.Day); // 2028 is a leap year
    }

    [Fact]
    public void Direction_defines_two_semesters_and_the_year_follows_them()
    {
        var defined = GradeCalendarDecisions.DefineTerms(new DefineTerms(Calendar.EstablishmentId, 2026, Semesters), Calendar, Now);
        var calendar = Calendar.Apply(defined);

        Assert.Equal(2, calendar.TermsOf(Year).Count);
        Assert.Equal(1, calendar.TermOn(Year, new DateOnly(2027, 1, 15))!.Number);
        Assert.Null(calendar.TermOf(Year, 3));
    }

    [Theory]
    [InlineData("2026-09-01", "2026-12-31", "2027-01-02", "2027-08-31")] // a gap
    [InlineData("2026-09-01", "2026-12-31", "2026-12-31", "2027-08-31")] // an overlap
    [InlineData("2026-08-25", "2026-12-31", "2027-01-01", "2027-08-31")] // before the school year
    [InlineData("2026-09-01", "2026-08-31", "2026-09-01", "2027-08-31")] // ends before it starts
    public void Terms_that_overlap_leave_gaps_or_leave_the_school_year_are_refused(string s1, string e1, string s2, string e2)
    {
        var terms = new[] { new TermDates("S1", Day(s1), Day(e1)), new TermDates("S2", Day(s2), Day(e2)) };

        var refused = Assert.Throws<BusinessRuleException>(() => GradeCalendarDecisions.DefineTerms(new DefineTerms(Calendar.EstablishmentId, 2026, terms), Calendar, Now));

        Assert.Equal(ErrorCodes.Validation, refused.Code);
    }

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Guardians_receive_report_cards_after_the_establishment_s_delay_unless_a_time_is_given()
    {
        var calendar = Calendar.Apply(GradeCalendarDecisions.SetGuardianDelay(new SetGuardianGradeDelay(Calendar.EstablishmentId, 48), Calendar, Now));
        var at = Now.AddDays(20);

        var scheduled = GradeCalendarDecisions.SchedulePublication(new ScheduleReportCardPublication(Calendar.EstablishmentId, 2026, 1, at, null), calendar, Now);

        Assert.Equal(at.AddHours(48), scheduled.GuardiansAt);
    }

    [Fact]
    public void Guardians_before_students_an_unknown_term_or_a_negative_delay_are_refused()
    {
        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(() => GradeCalendarDecisions.SchedulePublication(
            new ScheduleReportCardPublication(Calendar.EstablishmentId, 2026, 1, Now.AddDays(2), Now.AddDays(1)), Calendar, Now)).Code);
        Assert.Equal(ErrorCodes.NotFound, Assert.Throws<BusinessRuleException>(() => GradeCalendarDecisions.SchedulePublication(
            new ScheduleReportCardPublication(Calendar.EstablishmentId, 2026, 4, Now.AddDays(2), null), Calendar, Now)).Code);
        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(() => GradeCalendarDecisions.SetGuardianDelay(
            new SetGuardianGradeDelay(Calendar.EstablishmentId, -1), Calendar, Now)).Code);
    }

    [Fact]
    public void The_publication_is_recorded_once_per_audience_when_its_time_has_come()
    {
        var scheduled = GradeCalendarDecisions.SchedulePublication(
            new ScheduleReportCardPublication(Calendar.EstablishmentId, 2026, 1, Now.AddDays(1), Now.AddDays(3)), Calendar, Now);
        var calendar = Calendar.Apply(scheduled);

        Assert.Empty(GradeCalendarDecisions.Due(calendar, Year, 1, Now));
        var forStudents = Assert.Single(GradeCalendarDecisions.Due(calendar, Year, 1, Now.AddDays(2)));
        Assert.Equal((ReportCardAudience.Students, Now.AddDays(1)), (forStudents.Audience, forStudents.PublishedAt));
        calendar = calendar.Apply(forStudents);
        Assert.Equal(Now.AddDays(3), GradeCalendarDecisions.NextDue(calendar, Year, 1));
        Assert.Empty(GradeCalendarDecisions.Due(calendar, Year, 1, Now.AddDays(2)));
        calendar = calendar.Apply(Assert.Single(GradeCalendarDecisions.Due(calendar, Year, 1, Now.AddDays(4))));
        Assert.Null(GradeCalendarDecisions.NextDue(calendar, Year, 1));
    }

    [Fact]
    public void Once_published_to_students_report_cards_cannot_be_rescheduled_and_the_year_s_terms_no_longer_change()
    {
        var calendar = Calendar.Apply(GradeCalendarDecisions.SchedulePublication(
            new ScheduleReportCardPublication(Calendar.EstablishmentId, 2026, 1, Now, null), Calendar, Now));
        calendar = calendar.Apply(GradeCalendarDecisions.Due(calendar, Year, 1, Now)[0]);

        Assert.Equal(ErrorCodes.Conflict, Assert.Throws<BusinessRuleException>(() => GradeCalendarDecisions.SchedulePublication(
            new ScheduleReportCardPublication(Calendar.EstablishmentId, 2026, 1, Now.AddDays(1), null), calendar, Now)).Code);
        Assert.Equal(ErrorCodes.Conflict, Assert.Throws<BusinessRuleException>(() => GradeCalendarDecisions.DefineTerms(
            new DefineTerms(Calendar.EstablishmentId, 2026, Semesters), calendar, Now)).Code);
    }
}
