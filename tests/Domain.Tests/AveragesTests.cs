using MonBureau.Domain.Grades;

namespace MonBureau.Domain.Tests;

public class AveragesTests
{
    private static ScoredMark Marked(decimal value, decimal outOf = 20, decimal coefficient = 1) => new(MarkStatus.Marked, value, outOf, coefficient);

    [Fact]
    public void A_subject_average_weighs_each_mark_by_its_coefficient_and_brings_it_to_twenty() =>
        // 15/20 ×2, 6/10 (= 12/20) ×1: (30 + 12) / 3 = 14
        Assert.Equal(14m, Averages.OfSubject([Marked(15, coefficient: 2), Marked(6, outOf: 10)]));

    [Fact]
    public void Absent_exempt_and_not_graded_lines_count_neither_as_zero_nor_as_weight() =>
        Assert.Equal(12m, Averages.OfSubject([
            Marked(12),
            new ScoredMark(MarkStatus.Absent, null, 20, 3),
            new ScoredMark(MarkStatus.Exempt, null, 20, 1),
            new ScoredMark(MarkStatus.NotGraded, null, 20, 1),
        ]));

    [Fact]
    public void A_student_with_no_counted_mark_has_no_average_rather_than_zero() =>
        Assert.Null(Averages.OfSubject([new ScoredMark(MarkStatus.Absent, null, 20, 1)]));

    [Fact]
    public void Averages_are_rounded_to_two_decimals_half_away_from_zero()
    {
        // (12 + 12.69 + 12.345) / 3 = 12.345 exactly → 12.35
        Assert.Equal(12.35m, Averages.OfSubject([Marked(12), Marked(12.69m), Marked(12.345m)]));
        Assert.Equal(13.33m, Averages.OfSubject([Marked(13), Marked(13), Marked(14)]));
        Assert.Equal(12.35m, Averages.Round(12.345m));
        Assert.Equal(-12.35m, Averages.Round(-12.345m));
    }

    [Fact]
    public void The_class_figures_are_the_mean_lowest_and_highest_of_the_students_who_have_an_average()
    {
        var figures = Averages.OfClass([14m, 8.5m, null, 11.25m]);

        Assert.Equal(new ClassFigures(11.25m, 8.5m, 14m, 3), figures);
        Assert.Null(Averages.OfClass([null, null]));
    }

    [Fact]
    public void The_general_average_weighs_subjects_by_their_coefficients_defaulting_to_one_and_skips_subjects_without_average()
    {
        Assert.Equal(13m, Averages.General([new SubjectResult(14m), new SubjectResult(12m), new SubjectResult(null)]));
        Assert.Equal(13.33m, Averages.General([new SubjectResult(14m, 2), new SubjectResult(12m)]));
        Assert.Null(Averages.General([]));
    }
}
