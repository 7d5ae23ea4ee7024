using MonBureau.Domain.Common;
using MonBureau.Domain.Privacy;

namespace MonBureau.Domain.Tests;

public class RetentionTests
{
    [Fact]
    public void Every_category_has_a_rule_with_its_source() =>
        Assert.All(Enum.GetValues<RetentionCategory>(), c => Assert.False(string.IsNullOrWhiteSpace(RetentionRegistry.Rule(c).Source)));

    [Fact]
    public void An_establishment_may_keep_messages_two_years_but_not_five()
    {
        var establishment = Guid.CreateVersion7();

        var overridden = RetentionRegistry.Override(new OverrideRetention(establishment, RetentionCategory.Messages, 730), currentVersion: 1);
        var tooLong = Assert.Throws<BusinessRuleException>(() => RetentionRegistry.Override(new OverrideRetention(establishment, RetentionCategory.Messages, 1825), 1));

        Assert.Equal(new RetentionOverridden(establishment, RetentionCategory.Messages, TimeSpan.FromDays(730), 2), overridden);
        Assert.Equal(ErrorCodes.Validation, tooLong.Code);
    }

    [Fact]
    public void The_access_history_is_kept_as_long_for_every_establishment() =>
        Assert.Contains("whole platform", Assert.Throws<BusinessRuleException>(
            () => RetentionRegistry.Override(new OverrideRetention(Guid.CreateVersion7(), RetentionCategory.AccessHistory, 730), 0)).Message, StringComparison.Ordinal);

    [Fact]
    public void An_establishment_keeps_its_own_duration_and_the_default_elsewhere()
    {
        var establishment = new Establishments.Establishment(Guid.CreateVersion7(), "0670001A", "Europe/Paris")
            .Apply(new RetentionOverridden(Guid.Empty, RetentionCategory.Messages, TimeSpan.FromDays(200), 1))
            .Apply(new RetentionOverridden(Guid.Empty, RetentionCategory.Messages, TimeSpan.FromDays(400), 2));

        Assert.Equal(TimeSpan.FromDays(400), establishment.Retention(RetentionCategory.Messages));
        Assert.Equal(TimeSpan.FromDays(365), establishment.Retention(RetentionCategory.Homework));
        Assert.Equal(2, establishment.RetentionPolicyVersion);
    }

    [Fact]
    public void Sanction_erasure_dates_cannot_be_changed_by_an_establishment() =>
        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(
            () => RetentionRegistry.Override(new OverrideRetention(Guid.CreateVersion7(), RetentionCategory.Sanctions, 10), 0)).Code);
}
