using MonBureau.Domain.Common;

namespace MonBureau.Application.Identity;

/// <summary>
/// Everything secret about an account. A document, not events: secrets must be replaceable and deletable, and must
/// never be replayed. The login and the TOTP secret are sealed under the person's key like any personal data.
/// </summary>
public sealed class Credential
{
    public Guid Id { get; set; }
    public string LoginKey { get; set; } = "";
    public PersonalData Login { get; set; } = null!;
    public string? PasswordHash { get; set; }
    public string? ActivationCodeDigest { get; set; }
    public PersonalData? TotpSecret { get; set; }
    public PersonalData? PendingTotpSecret { get; set; }
    public long LastTotpStep { get; set; }
}

/// <summary>Finds an account by the keyed hash of its login.</summary>
public sealed record LoginIndex(string Id, Guid PersonId);

/// <summary>A refresh token's digest and what it may renew; rotated on every use, so a replayed old token is theft.</summary>
public sealed class RefreshSession
{
    public string Id { get; set; } = "";
    public Guid PersonId { get; set; }
    public Role Role { get; set; }
    public Guid? EstablishmentId { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? ReplacedBy { get; set; }
}
