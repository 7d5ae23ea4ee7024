using MonBureau.Domain.Common;
using MonBureau.Domain.Grades;

namespace MonBureau.Domain.Tests;

public class GradeVisibilityTests
{
    private static readonly DateTimeOffset Entered = new(2026, 11, 20, 17, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan TwoDays = TimeSpan.FromDays(2);
    private static readonly ReportCardPublication Publication = new(new SchoolYear(2026), 1, Entered.AddDays(10), Entered.AddDays(12));

    [Fact]
    public void The_student_sees_a_mark_as_soon_as_it_is_entered_and_guardians_only_after_the_establishment_s_delay()
    {
        Assert.True(GradeVisibility.SeesMark(GradeReader.Student, Entered, TwoDays, Entered));
        Assert.False(GradeVisibility.SeesMark(GradeReader.Guardian, Entered, TwoDays, Entered.AddDays(2).AddSeconds(-1)));
        Assert.True(GradeVisibility.SeesMark(GradeReader.Guardian, Entered, TwoDays, Entered.AddDays(2)));
        Assert.True(GradeVisibility.SeesMark(GradeReader.Staff, Entered, TwoDays, Entered));
    }

    [Fact]
    public void Without_a_delay_guardians_see_a_mark_with_the_student() =>
        Assert.True(GradeVisibility.SeesMark(GradeReader.Guardian, Entered, TimeSpan.Zero, Entered));

    [Fact]
    public void A_report_card_is_hidden_from_the_family_until_its_publication_time_for_each_audience()
    {
        Assert.False(GradeVisibility.SeesReportCard(GradeReader.Student, null, Entered));
        Assert.False(GradeVisibility.SeesReportCard(GradeReader.Student, Publication, Publication.StudentsAt.AddMinutes(-1)));
        Assert.True(GradeVisibility.SeesReportCard(GradeReader.Student, Publication, Publication.StudentsAt));
        Assert.False(GradeVisibility.SeesReportCard(GradeReader.Guardian, Publication, Publication.StudentsAt));
        Assert.True(GradeVisibility.SeesReportCard(GradeReader.Guardian, Publication, Publication.GuardiansAt));
    }

    [Fact]
    public void Staff_see_a_report_card_before_it_is_published_to_prepare_it() =>
        Assert.True(GradeVisibility.SeesReportCard(GradeReader.Staff, null, Entered));
}
