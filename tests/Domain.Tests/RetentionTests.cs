using MonBureau.Domain.Common;
using MonBureau.Domain.Privacy;

namespace MonBureau.Domain.Tests;

public class RetentionTests
{
    private static readonly DateOnly EndOfSchooling = new(2029, 7, 4);

    [Theory]
    [InlineData(SanctionKind.Warning, "2026-11-28", "2027-08-31")]
    [InlineData(SanctionKind.Warning, "2027-08-31", "2027-08-31")]
    [InlineData(SanctionKind.Warning, "2027-09-01", "2028-08-31")]
    [InlineData(SanctionKind.Reprimand, "2026-11-28", "2028-08-31")]
    [InlineData(SanctionKind.ResponsibilityMeasure, "2027-06-30", "2028-08-31")]
    [InlineData(SanctionKind.TemporaryClassExclusion, "2026-09-01", "2029-08-31")]
    [InlineData(SanctionKind.TemporaryEstablishmentExclusion, "2027-08-30", "2029-08-31")]
    [InlineData(SanctionKind.PermanentExclusion, "2026-11-28", "2029-07-04")]
    public void Each_sanction_leaves_the_file_on_its_legal_date(SanctionKind kind, string decidedOn, string erasedOn) =>
        Assert.Equal(
            DateOnly.Parse(erasedOn, System.Globalization.CultureInfo.InvariantCulture),
            SanctionErasure.DateFor(kind, DateOnly.Parse(decidedOn, System.Globalization.CultureInfo.InvariantCulture), EndOfSchooling));

    [Fact]
    public void Every_category_has_a_rule_with_its_source() =>
        Assert.All(Enum.GetValues<RetentionCategory>(), c => Assert.False(string.IsNullOrWhiteSpace(RetentionRegistry.Rule(c).Source)));

    [Fact]
    public void An_establishment_may_keep_access_history_two_years_but_not_five()
    {
        var establishment = Guid.CreateVersion7();

        var overridden = RetentionRegistry.Override(new OverrideRetention(establishment, RetentionCategory.AccessHistory, 730), currentVersion: 1);
        var tooLong = Assert.Throws<BusinessRuleException>(() => RetentionRegistry.Override(new OverrideRetention(establishment, RetentionCategory.AccessHistory, 1825), 1));

        Assert.Equal(new RetentionOverridden(establishment, RetentionCategory.AccessHistory, TimeSpan.FromDays(730), 2), overridden);
        Assert.Equal(ErrorCodes.Validation, tooLong.Code);
    }

    [Fact]
    public void Sanction_erasure_dates_cannot_be_changed_by_an_establishment() =>
        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(
            () => RetentionRegistry.Override(new OverrideRetention(Guid.CreateVersion7(), RetentionCategory.Sanctions, 10), 0)).Code);
}
