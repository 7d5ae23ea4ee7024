using MonBureau.Domain.Common;
using MonBureau.Domain.Identity;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Tests;

public class SignInDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 7, 30, 0, TimeSpan.Zero);
    private static readonly Guid Establishment = Guid.CreateVersion7();

    private static Person PersonWith(params object[] appointments)
    {
        var id = Guid.CreateVersion7();
        var person = Person.Create(new PersonRegistered(id, PersonalData.Of(id, "A"), PersonalData.Of(id, "B")));
        foreach (var e in appointments)
        {
            person = e switch
            {
                Role.Student => person.Apply(new StudentEnrolled(id, Establishment, Guid.CreateVersion7())),
                Role role => person.Apply(new StaffAppointed(id, Establishment, role)),
                _ => person,
            };
        }

        return person;
    }

    private static Account ActiveAccount(Person person, bool secondFactor = false, int failures = 0, DateTimeOffset? lockedUntil = null) =>
        new(person.Id, AccountStatus.Active, secondFactor, failures, lockedUntil, Now.AddDays(30));

    private static SignInAttempt Attempt(bool password = true, bool? code = null, Role? role = null) => new(password, code, role, null);

    [Fact]
    public void Given_a_student_with_the_right_password_When_signing_in_Then_it_succeeds_in_the_student_profile()
    {
        var student = PersonWith(Role.Student);

        var outcome = SignInDecisions.Decide(ActiveAccount(student), student, Attempt(), Now);

        Assert.Equal(new Profile(Role.Student, Establishment), outcome.Profile);
        Assert.Equal<object>([new SignInSucceeded(student.Id, Role.Student, Establishment, false)], outcome.Events);
    }

    [Fact]
    public void Given_four_failures_When_the_fifth_wrong_password_comes_Then_the_account_locks_for_a_minute()
    {
        var student = PersonWith(Role.Student);

        var outcome = SignInDecisions.Decide(ActiveAccount(student, failures: 4), student, Attempt(password: false), Now);

        Assert.Equal(SignInFailure.WrongPassword, outcome.Failure);
        Assert.Equal<object>([new SignInFailed(student.Id, SignInFailure.WrongPassword, 5), new AccountLockedOut(student.Id, Now.AddMinutes(1))], outcome.Events);
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(8, 8)]
    [InlineData(11, 60)]
    [InlineData(50, 60)]
    public void Lockouts_grow_with_each_failure_up_to_an_hour(int failures, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), SignInDecisions.LockoutAfter(failures));

    [Fact]
    public void Given_a_locked_account_When_even_the_right_password_comes_Then_it_is_refused_until_the_lock_ends()
    {
        var student = PersonWith(Role.Student);
        var account = ActiveAccount(student, failures: 5, lockedUntil: Now.AddMinutes(1));

        var refused = SignInDecisions.Decide(account, student, Attempt(), Now);
        var later = SignInDecisions.Decide(account, student, Attempt(), Now.AddMinutes(2));

        Assert.Equal(SignInFailure.LockedOut, refused.Failure);
        Assert.Equal(Now.AddMinutes(1), refused.RetryAfter);
        Assert.True(later.Succeeded);
    }

    [Fact]
    public void Given_a_CPE_without_an_authenticator_When_signing_in_Then_enrolment_is_required()
    {
        var cpe = PersonWith(Role.SchoolLifeOffice);

        Assert.Equal(SignInFailure.SecondFactorNotEnrolled, SignInDecisions.Decide(ActiveAccount(cpe), cpe, Attempt(), Now).Failure);
    }

    [Fact]
    public void Given_a_CPE_with_an_authenticator_When_no_code_or_a_wrong_code_comes_Then_it_is_refused_and_a_wrong_code_counts()
    {
        var cpe = PersonWith(Role.SchoolLifeOffice);
        var account = ActiveAccount(cpe, secondFactor: true);

        var missing = SignInDecisions.Decide(account, cpe, Attempt(), Now);
        var wrong = SignInDecisions.Decide(account, cpe, Attempt(code: false), Now);
        var right = SignInDecisions.Decide(account, cpe, Attempt(code: true), Now);

        Assert.Equal(SignInFailure.SecondFactorMissing, missing.Failure);
        Assert.Equal<object>([new SignInFailed(cpe.Id, SignInFailure.WrongSecondFactor, 1)], wrong.Events);
        Assert.Equal<object>([new SignInSucceeded(cpe.Id, Role.SchoolLifeOffice, Establishment, true)], right.Events);
    }

    [Fact]
    public void Given_a_teacher_who_is_also_a_parent_When_asking_for_a_profile_they_do_not_hold_Then_it_is_refused()
    {
        var teacher = PersonWith(Role.Teacher);

        Assert.Equal(SignInFailure.NoSuchProfile, SignInDecisions.Decide(ActiveAccount(teacher), teacher, Attempt(role: Role.Direction), Now).Failure);
    }

    [Fact]
    public void Given_an_account_awaiting_activation_When_signing_in_Then_it_is_refused_without_counting()
    {
        var student = PersonWith(Role.Student);
        var account = ActiveAccount(student) with { Status = AccountStatus.PendingActivation };

        Assert.Equal<object>([new SignInFailed(student.Id, SignInFailure.NotActivated, 0)], SignInDecisions.Decide(account, student, Attempt(), Now).Events);
    }
}
