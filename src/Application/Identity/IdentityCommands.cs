using MonBureau.Domain.Common;
using MonBureau.Domain.Identity;
using MonBureau.Domain.People;

namespace MonBureau.Application.Identity;

public sealed record OpenAccount(Guid PersonId);

public sealed record ResetPassword(Guid PersonId);

/// <summary>What staff hand to the person (on paper or in person): their login and a one-time activation code.</summary>
public sealed record AccountCodeIssued(string Login, string ActivationCode, DateTimeOffset ExpiresAt) : Redacted;

public sealed record ActivateAccount(string Login, string ActivationCode, string NewPassword) : Redacted;

public sealed record ActivationResult(bool SecondFactorRequired, string? TotpProvisioningUri);

public sealed record SignIn(string Login, string Password, string? TotpCode, Role? Role, Guid? EstablishmentId) : Redacted;

public sealed record SignInResult(Guid? PersonId, Profile? Profile, SignInFailure? Failure, DateTimeOffset? RetryAfter, string? RefreshToken) : Redacted;

public sealed record RenewSession(string RefreshToken) : Redacted;

public sealed record EndSession(string RefreshToken) : Redacted;

public sealed record StartSecondFactorEnrollment;

public sealed record ConfirmSecondFactor(string Login, string Password, string TotpCode) : Redacted;
