using Marten;
using MonBureau.Domain.Identity;

namespace MonBureau.Application.Identity;

/// <summary>
/// Checks the secrets at the edge, lets the pure decision rule, and records the attempt either way: a failed sign-in
/// is an event too (abuse detection reads it), so failures are returned, not thrown, and the events are committed.
/// </summary>
public static class SignInHandler
{
    public static readonly TimeSpan RefreshLifetime = TimeSpan.FromDays(30);

    public static async Task<SignInResult> Handle(
        SignIn command, IDocumentSession session, LookupKeys keys, PasswordHasher hasher, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow();
        var view = await AccountLookup.ByLoginAsync(session, keys, command.Login ?? "", cancellationToken);
        var passwordValid = hasher.Verify(command.Password ?? "", view?.Credential.PasswordHash);
        if (view is null)
            return new SignInResult(null, null, SignInFailure.UnknownAccount, null, null);

        long? step = null;
        if (command.TotpCode is { Length: > 0 } code && view.Credential.TotpSecret?.Value is { } secret)
            step = SecondFactor.Verify(secret, code, view.Credential.LastTotpStep, now);
        bool? secondFactorValid = command.TotpCode is { Length: > 0 } ? step is not null : null;

        var outcome = SignInDecisions.Decide(
            view.Account, view.Person, new SignInAttempt(passwordValid, secondFactorValid, command.Role, command.EstablishmentId), now);
        session.Events.Append(view.PersonId, [.. outcome.Events]);
        if (!outcome.Succeeded)
            return new SignInResult(view.PersonId, null, outcome.Failure, outcome.RetryAfter, null);

        if (step is { } used)
        {
            view.Credential.LastTotpStep = used;
            session.Store(view.Credential);
        }

        var refreshToken = Secrets.NewOpaqueToken();
        session.Store(new RefreshSession
        {
            Id = Secrets.Digest(refreshToken),
            PersonId = view.PersonId,
            Role = outcome.Profile!.Role,
            EstablishmentId = outcome.Profile.EstablishmentId,
            ExpiresAt = now + RefreshLifetime,
        });
        return new SignInResult(view.PersonId, outcome.Profile, null, null, refreshToken);
    }
}
