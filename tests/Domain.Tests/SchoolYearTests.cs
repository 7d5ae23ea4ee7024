using MonBureau.Domain.Common;

namespace MonBureau.Domain.Tests;

public class SchoolYearTests
{
    [Fact]
    public void A_school_year_is_named_by_the_year_it_starts() =>
        Assert.Equal(new DateOnly(2026, 9, 1), SchoolYear.Of(2026).FirstDay);

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(99999)]
    public void A_year_no_school_year_starts_in_is_a_validation_error_not_a_crash(int startYear) =>
        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(() => SchoolYear.Of(startYear)).Code);
}
