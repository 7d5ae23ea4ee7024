using Marten;
using MonBureau.Domain.Common;
using MonBureau.Domain.Identity;

namespace MonBureau.Application.Identity;

public static class ActivateAccountHandler
{
    public static async Task<ActivationResult> Handle(
        ActivateAccount command, IDocumentSession session, LookupKeys keys, PasswordHasher hasher, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var view = await AccountLookup.ByLoginAsync(session, keys, command.Login, cancellationToken);
        var codeValid = view is not null && Secrets.Matches(command.ActivationCode ?? "", view.Credential.ActivationCodeDigest);
        if (view is null)
            throw new BusinessRuleException(ErrorCodes.InvalidCredentials, "This activation code is not valid (wrong, used or expired); ask the school for a new one.");

        var activated = AccountDecisions.Activate(view.Account, view.Person, codeValid, command.NewPassword ?? "", clock.GetUtcNow());
        var credential = view.Credential;
        credential.PasswordHash = hasher.Hash(command.NewPassword!);
        credential.ActivationCodeDigest = null;
        string? uri = null;
        if (activated.SecondFactorRequired && credential.TotpSecret is null)
        {
            var secret = SecondFactor.NewSecret();
            credential.PendingTotpSecret = PersonalData.Of(view.PersonId, secret);
            uri = SecondFactor.ProvisioningUri(secret, LookupKeys.Normalize(command.Login));
        }

        session.Store(credential);
        session.Events.Append(view.PersonId, activated);
        return new ActivationResult(activated.SecondFactorRequired, uri);
    }
}
