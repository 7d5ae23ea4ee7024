using System.Globalization;
using MonBureau.Domain.Discipline;

namespace MonBureau.Domain.Tests;

/// <summary>R511-13: when each sanction leaves the student's file, around the 31 August / 1 September boundary.</summary>
public class DisciplineErasureTests
{
    private static readonly DateOnly EndOfSchooling = new(2029, 7, 4);

    private static DateOnly Day(string day) => DateOnly.Parse(day, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(SanctionKind.Warning, "2026-11-28", "2027-08-31")]
    [InlineData(SanctionKind.Warning, "2026-09-01", "2027-08-31")]
    [InlineData(SanctionKind.Warning, "2027-08-31", "2027-08-31")]
    [InlineData(SanctionKind.Warning, "2027-09-01", "2028-08-31")]
    [InlineData(SanctionKind.Reprimand, "2026-11-28", "2028-08-31")]
    [InlineData(SanctionKind.Reprimand, "2027-08-31", "2028-08-31")]
    [InlineData(SanctionKind.Reprimand, "2027-09-01", "2029-08-31")]
    [InlineData(SanctionKind.ResponsibilityMeasure, "2027-06-30", "2028-08-31")]
    [InlineData(SanctionKind.ResponsibilityMeasure, "2027-09-01", "2029-08-31")]
    [InlineData(SanctionKind.TemporaryClassExclusion, "2026-09-01", "2029-08-31")]
    [InlineData(SanctionKind.TemporaryClassExclusion, "2027-08-31", "2029-08-31")]
    [InlineData(SanctionKind.TemporaryClassExclusion, "2027-09-01", "2030-08-31")]
    [InlineData(SanctionKind.TemporaryEstablishmentExclusion, "2027-08-30", "2029-08-31")]
    [InlineData(SanctionKind.TemporaryEstablishmentExclusion, "2028-02-29", "2030-08-31")]
    [InlineData(SanctionKind.PermanentExclusion, "2026-11-28", "2029-07-04")]
    [InlineData(SanctionKind.PermanentExclusion, "2027-09-01", "2029-07-04")]
    public void Each_sanction_leaves_the_file_on_its_legal_date(SanctionKind kind, string decidedOn, string erasedOn) =>
        Assert.Equal(Day(erasedOn), SanctionErasure.DateFor(kind, Day(decidedOn), EndOfSchooling));

    [Fact]
    public void Every_sanction_kind_has_an_erasure_rule() =>
        Assert.All(Enum.GetValues<SanctionKind>(), kind => Assert.True(SanctionErasure.DateFor(kind, Day("2026-11-28"), EndOfSchooling) >= Day("2027-07-04")));

    [Theory]
    [InlineData("2027-08-31", false)]
    [InlineData("2027-09-01", true)]
    public void A_sanction_is_kept_through_its_erasure_date_and_erased_the_day_after(string today, bool due) =>
        Assert.Equal(due, SanctionErasure.IsDue(Day("2027-08-31"), Day(today)));

    [Fact]
    public void Only_sanctions_past_their_date_and_still_on_file_are_due()
    {
        var establishment = Guid.CreateVersion7();
        var student = Guid.CreateVersion7();
        Sanction Make(string erasedOn, bool erased = false) => new(Guid.CreateVersion7(), establishment, student, Day(erasedOn), erased);
        var past = Make("2027-08-31");
        var sanctions = new[] { past, Make("2027-09-01"), Make("2027-08-31", erased: true) };

        Assert.Equal([past], DisciplineDecisions.DueForErasure(sanctions, Day("2027-09-01")));
    }
}
