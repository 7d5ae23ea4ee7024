using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;

namespace MonBureau.Application.Identity;

/// <summary>Anyone signed in may add an authenticator app; it becomes required from then on.</summary>
public static class StartSecondFactorEnrollmentHandler
{
    public static async Task<string> Handle(StartSecondFactorEnrollment command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var actor = ActingContext.Current ?? throw new MissingActorException();
        var credential = await session.LoadAsync<Credential>(actor.Id, cancellationToken) ?? throw BusinessRuleException.NotFound("Account");
        var secret = SecondFactor.NewSecret();
        credential.PendingTotpSecret = PersonalData.Of(actor.Id, secret);
        session.Store(credential);
        return SecondFactor.ProvisioningUri(secret, credential.Login.Value ?? "");
    }
}
