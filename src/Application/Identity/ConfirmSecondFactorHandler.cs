using Marten;
using MonBureau.Domain.Common;
using MonBureau.Domain.Identity;

namespace MonBureau.Application.Identity;

/// <summary>Proves the authenticator app works (a first valid code) before the second factor is switched on.</summary>
public static class ConfirmSecondFactorHandler
{
    public static async Task Handle(
        ConfirmSecondFactor command, IDocumentSession session, LookupKeys keys, PasswordHasher hasher, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var view = await AccountLookup.ByLoginAsync(session, keys, command.Login, cancellationToken);
        if (!hasher.Verify(command.Password ?? "", view?.Credential.PasswordHash) || view is null)
            throw new BusinessRuleException(ErrorCodes.InvalidCredentials, "Wrong login or password.");
        if (view.Credential.PendingTotpSecret?.Value is not { } secret)
            throw BusinessRuleException.Invalid("No authenticator app is being set up for this account.");
        if (SecondFactor.Verify(secret, command.TotpCode ?? "", view.Credential.LastTotpStep, clock.GetUtcNow()) is not { } step)
            throw new BusinessRuleException(ErrorCodes.InvalidCredentials, "Wrong code: check the authenticator app's clock and try the current code.");

        view.Credential.TotpSecret = view.Credential.PendingTotpSecret;
        view.Credential.PendingTotpSecret = null;
        view.Credential.LastTotpStep = step;
        session.Store(view.Credential);
        session.Events.Append(view.PersonId, new SecondFactorEnabled(view.PersonId));
    }
}
