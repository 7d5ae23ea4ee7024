using MonBureau.Domain.Common;

namespace MonBureau.Domain.Identity;

public enum AccountStatus
{
    /// <summary>Opened by staff; the person has not yet chosen a password with their one-time activation code.</summary>
    PendingActivation,

    /// <summary>Password chosen; a staff profile must still confirm its authenticator app (TOTP) before signing in.</summary>
    PendingSecondFactor,
    Active,

    /// <summary>The person holds no profile any more (left the school): nobody can sign in with it.</summary>
    Closed,

    /// <summary>The person was forgotten (erasure request or retention): nothing of the account remains.</summary>
    Erased,
}

public enum SignInFailure
{
    UnknownAccount,
    WrongPassword,
    SecondFactorMissing,
    SecondFactorNotEnrolled,
    WrongSecondFactor,
    NotActivated,
    LockedOut,
    NoSuchProfile,
}

// Account events go on the person's own stream. They hold no secret: password hashes, TOTP secrets and activation
// codes live in a credential document that can be deleted, never in the append-only log.
public sealed record AccountOpened(Guid PersonId, DateTimeOffset ActivationExpiresAt);

/// <param name="SecondFactorRequired">A staff profile must confirm an authenticator app before the account is usable.</param>
public sealed record AccountActivated(Guid PersonId, bool SecondFactorRequired);

public sealed record SecondFactorEnabled(Guid PersonId);

public sealed record PasswordResetByStaff(Guid PersonId, DateTimeOffset ActivationExpiresAt);

/// <summary>The retention of account data (3 months, arrêté du 30/11/2006) runs from <paramref name="ClosedAt"/>.</summary>
public sealed record AccountClosed(Guid PersonId, DateTimeOffset ClosedAt);

/// <summary>The weekly login-rate indicator and abuse detection read these; the profile says who signed in as what.</summary>
/// <param name="At">When, if it differs from when the event was recorded (replayed history); null means then.</param>
public sealed record SignInSucceeded(Guid PersonId, Role Role, Guid? EstablishmentId, bool WithSecondFactor, DateTimeOffset? At = null);

public sealed record SignInFailed(Guid PersonId, SignInFailure Reason, int ConsecutiveFailures);

public sealed record AccountLockedOut(Guid PersonId, DateTimeOffset Until);

public sealed record Account(
    Guid PersonId, AccountStatus Status, bool SecondFactor, int ConsecutiveFailures, DateTimeOffset? LockedUntil, DateTimeOffset ActivationExpiresAt, DateTimeOffset? ClosedAt = null)
{
    public static Account Create(AccountOpened e) => new(e.PersonId, AccountStatus.PendingActivation, false, 0, null, e.ActivationExpiresAt);

    public Account Apply(AccountActivated e) =>
        this with { Status = e.SecondFactorRequired && !SecondFactor ? AccountStatus.PendingSecondFactor : AccountStatus.Active };

    public Account Apply(SecondFactorEnabled e) => this with { SecondFactor = true, Status = Status == AccountStatus.PendingSecondFactor ? AccountStatus.Active : Status };

    public Account Apply(PasswordResetByStaff e) =>
        this with { Status = AccountStatus.PendingActivation, ActivationExpiresAt = e.ActivationExpiresAt, ConsecutiveFailures = 0, LockedUntil = null };

    public Account Apply(AccountClosed e) => this with { Status = AccountStatus.Closed, ClosedAt = e.ClosedAt };

    public Account Apply(Privacy.DataSubjectForgotten e) => this with { Status = AccountStatus.Erased };

    public Account Apply(SignInSucceeded e) => this with { ConsecutiveFailures = 0, LockedUntil = null };

    public Account Apply(SignInFailed e) => this with { ConsecutiveFailures = e.ConsecutiveFailures };

    public Account Apply(AccountLockedOut e) => this with { LockedUntil = e.Until };
}
