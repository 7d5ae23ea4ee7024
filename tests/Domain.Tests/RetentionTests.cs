using MonBureau.Domain.Common;
using MonBureau.Domain.Privacy;

namespace MonBureau.Domain.Tests;

public class RetentionTests
{
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
