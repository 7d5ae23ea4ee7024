using MonBureau.Domain.Common;
using MonBureau.Domain.Establishments;

namespace MonBureau.Domain.Tests;

public class EstablishmentDecisionsTests
{
    private static readonly Guid Id = Guid.CreateVersion7();

    [Fact]
    public void Given_a_free_UAI_When_opening_Then_the_establishment_opens_in_Paris_time()
    {
        var opened = EstablishmentDecisions.Open(Id, new OpenEstablishment(" 0671234a ", "Lycée Kléber", "Strasbourg"), uaiAlreadyOpened: false);

        Assert.Equal(new EstablishmentOpened(Id, "0671234A", "Lycée Kléber", "Strasbourg", "Europe/Paris"), opened);
    }

    [Theory]
    [InlineData("067123A")]
    [InlineData("06712345")]
    [InlineData("A671234B")]
    [InlineData("")]
    public void Given_a_malformed_UAI_When_opening_Then_it_is_refused_as_invalid(string uai)
    {
        var error = Assert.Throws<BusinessRuleException>(() => EstablishmentDecisions.Open(Id, new OpenEstablishment(uai, "Lycée", "Strasbourg"), false));

        Assert.Equal(ErrorCodes.Validation, error.Code);
    }

    [Fact]
    public void Given_a_UAI_already_opened_When_opening_again_Then_it_conflicts()
    {
        var error = Assert.Throws<BusinessRuleException>(() => EstablishmentDecisions.Open(Id, new OpenEstablishment("0671234A", "Lycée", "Strasbourg"), true));

        Assert.Equal(ErrorCodes.Conflict, error.Code);
    }
}
