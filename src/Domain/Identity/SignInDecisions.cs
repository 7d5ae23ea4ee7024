using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Identity;

/// <summary>What the edge verified about one sign-in attempt; the decision itself never sees a secret.</summary>
/// <param name="SecondFactorValid">Null when no code was given.</param>
public sealed record SignInAttempt(bool PasswordValid, bool? SecondFactorValid, Role? Role, Guid? EstablishmentId);

public sealed record SignInOutcome(Profile? Profile, SignInFailure? Failure, DateTimeOffset? RetryAfter, IReadOnlyList<object> Events)
{
    public bool Succeeded => Profile is not null;
}

public static class SignInDecisions
{
    public const int FailuresBeforeLockout = 5;
    private static readonly TimeSpan FirstLockout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestLockout = TimeSpan.FromHours(1);

    /// <summary>One minute after the fifth failure in a row, doubling with each further failure, at most an hour.</summary>
    public static TimeSpan LockoutAfter(int consecutiveFailures)
    {
        var doublings = Math.Min(consecutiveFailures - FailuresBeforeLockout, 6);
        var lockout = FirstLockout * Math.Pow(2, Math.Max(doublings, 0));
        return lockout < LongestLockout ? lockout : LongestLockout;
    }

    public static SignInOutcome Decide(Account account, Person person, SignInAttempt attempt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(attempt);
        if (account.LockedUntil is { } until && until > now)
            return Fail(account, SignInFailure.LockedOut, counts: false, now, until);
        if (account.Status is AccountStatus.PendingActivation or AccountStatus.Closed or AccountStatus.Erased)
            return Fail(account, SignInFailure.NotActivated, counts: false, now);
        if (!attempt.PasswordValid)
            return Fail(account, SignInFailure.WrongPassword, counts: true, now);

        var profile = ChooseProfile(person, attempt);
        if (profile is null)
            return Fail(account, SignInFailure.NoSuchProfile, counts: false, now);

        var needsSecondFactor = account.SecondFactor || profile.Role.RequiresSecondFactor();
        if (needsSecondFactor && (!account.SecondFactor || account.Status == AccountStatus.PendingSecondFactor))
            return Fail(account, SignInFailure.SecondFactorNotEnrolled, counts: false, now);
        if (needsSecondFactor && attempt.SecondFactorValid is null)
            return Fail(account, SignInFailure.SecondFactorMissing, counts: false, now);
        if (needsSecondFactor && attempt.SecondFactorValid == false)
            return Fail(account, SignInFailure.WrongSecondFactor, counts: true, now);

        return new SignInOutcome(profile, null, null, [new SignInSucceeded(person.Id, profile.Role, profile.EstablishmentId, needsSecondFactor)]);
    }

    /// <summary>The profile asked for, or the person's only one; several profiles and no choice picks the first listed.</summary>
    private static Profile? ChooseProfile(Person person, SignInAttempt attempt)
    {
        if (attempt.Role is null)
            return person.Profiles.Count > 0 ? person.Profiles[0] : null;
        return person.Profiles.FirstOrDefault(p => p.Role == attempt.Role && (attempt.EstablishmentId is null || p.EstablishmentId == attempt.EstablishmentId));
    }

    private static SignInOutcome Fail(Account account, SignInFailure reason, bool counts, DateTimeOffset now, DateTimeOffset? retryAfter = null)
    {
        var failures = counts ? account.ConsecutiveFailures + 1 : account.ConsecutiveFailures;
        var events = new List<object> { new SignInFailed(account.PersonId, reason, failures) };
        if (counts && failures >= FailuresBeforeLockout)
        {
            retryAfter = now + LockoutAfter(failures);
            events.Add(new AccountLockedOut(account.PersonId, retryAfter.Value));
        }

        return new SignInOutcome(null, reason, retryAfter, events);
    }
}
