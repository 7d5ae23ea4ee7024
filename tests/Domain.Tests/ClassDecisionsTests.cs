using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;

namespace MonBureau.Domain.Tests;

public class ClassDecisionsTests
{
    private static readonly Guid EstablishmentId = Guid.CreateVersion7();

    [Theory]
    [InlineData("2026-08-31", 2025)]
    [InlineData("2026-09-01", 2026)]
    [InlineData("2027-01-15", 2026)]
    public void Given_no_school_year_When_creating_Then_the_current_one_at_the_establishment_is_used(string today, int expectedStart)
    {
        var year = ClassDecisions.SchoolYearFor(new CreateClass(EstablishmentId, "2nde 1", null), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(new SchoolYear(expectedStart), year);
    }

    [Fact]
    public void Given_a_free_name_When_creating_Then_the_class_is_created_trimmed()
    {
        var id = Guid.CreateVersion7();
        var created = ClassDecisions.Create(id, new CreateClass(EstablishmentId, "  2nde 3 ", 2026), true, new SchoolYear(2026), nameTaken: false);

        Assert.Equal(new ClassCreated(id, EstablishmentId, "2nde 3", new SchoolYear(2026)), created);
    }

    [Fact]
    public void Given_a_taken_name_When_creating_Then_it_conflicts() =>
        Assert.Equal(ErrorCodes.Conflict, Assert.Throws<BusinessRuleException>(
            () => ClassDecisions.Create(Guid.NewGuid(), new CreateClass(EstablishmentId, "2nde 3", 2026), true, new SchoolYear(2026), true)).Code);

    [Fact]
    public void Given_an_unknown_establishment_When_creating_Then_it_is_not_found() =>
        Assert.Equal(ErrorCodes.NotFound, Assert.Throws<BusinessRuleException>(
            () => ClassDecisions.Create(Guid.NewGuid(), new CreateClass(EstablishmentId, "2nde 3", 2026), false, new SchoolYear(2026), false)).Code);

    [Fact]
    public void Given_a_school_year_far_in_the_future_When_creating_Then_it_is_refused() =>
        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(
            () => ClassDecisions.SchoolYearFor(new CreateClass(EstablishmentId, "2nde 3", 2031), new DateOnly(2026, 11, 28))).Code);
}
