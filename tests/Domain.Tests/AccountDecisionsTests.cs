using MonBureau.Domain.Common;
using MonBureau.Domain.Identity;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Tests;

public class AccountDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 7, 30, 0, TimeSpan.Zero);
    private static readonly Guid Establishment = Guid.CreateVersion7();

    private static Person Staff(Role role)
    {
        var id = Guid.CreateVersion7();
        return Person.Create(new PersonRegistered(id, PersonalData.Of(id, "A"), PersonalData.Of(id, "B"))).Apply(new StaffAppointed(id, Establishment, role));
    }

    [Theory]
    [InlineData("short1A!")]
    [InlineData("alllowercaseletters")]
    [InlineData("NoDigitsOrSymbolsHere")]
    [InlineData("NoSymbols12345678")]
    public void Weak_passwords_are_refused(string password) =>
        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(() => AccountDecisions.RequireStrongPassword(password)).Code);

    [Fact]
    public void Given_a_pending_account_and_the_right_code_When_a_CPE_activates_Then_a_second_factor_is_required()
    {
        var cpe = Staff(Role.SchoolLifeOffice);
        var account = Account.Create(new AccountOpened(cpe.Id, Now.AddDays(30)));

        var activated = AccountDecisions.Activate(account, cpe, codeValid: true, "Corr3ct-Horse-Battery", Now);

        Assert.Equal(new AccountActivated(cpe.Id, SecondFactorRequired: true), activated);
        Assert.Equal(AccountStatus.PendingSecondFactor, account.Apply(activated).Status);
        Assert.Equal(AccountStatus.Active, account.Apply(activated).Apply(new SecondFactorEnabled(cpe.Id)).Status);
    }

    [Fact]
    public void Given_an_expired_code_When_activating_Then_it_is_refused()
    {
        var teacher = Staff(Role.Teacher);
        var account = Account.Create(new AccountOpened(teacher.Id, Now.AddDays(-1)));

        Assert.Equal(ErrorCodes.InvalidCredentials, Assert.Throws<BusinessRuleException>(
            () => AccountDecisions.Activate(account, teacher, codeValid: true, "Corr3ct-Horse-Battery", Now)).Code);
    }

    [Fact]
    public void Given_a_person_of_another_establishment_When_staff_open_an_account_Then_the_person_is_not_found() =>
        Assert.Equal(ErrorCodes.NotFound, Assert.Throws<BusinessRuleException>(
            () => AccountDecisions.Open(Staff(Role.Teacher), null, Guid.CreateVersion7(), Now)).Code);
}
