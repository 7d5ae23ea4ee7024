using Marten;
using MonBureau.Domain.Identity;
using MonBureau.Domain.People;

namespace MonBureau.Application.Identity;

/// <summary>Staff reset a forgotten password by issuing a new activation code; the old password and sessions stop working.</summary>
public static class ResetPasswordHandler
{
    public static async Task<AccountCodeIssued> Handle(ResetPassword command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var person = await session.Events.FetchLatest<Person>(command.PersonId, cancellationToken);
        var establishmentId = StaffAuthority.EstablishmentFor(person);
        var account = await session.Events.FetchLatest<Account>(command.PersonId, cancellationToken);
        var credential = await session.LoadAsync<Credential>(command.PersonId, cancellationToken);
        var reset = AccountDecisions.ResetPassword(person, credential is null ? null : account, establishmentId, clock.GetUtcNow());

        var code = Secrets.NewActivationCode();
        credential!.PasswordHash = null;
        credential.ActivationCodeDigest = Secrets.Digest(code);
        session.Store(credential);
        await SessionRevocation.RevokeAllAsync(session, command.PersonId, clock.GetUtcNow(), cancellationToken);
        session.Events.Append(command.PersonId, reset);
        return new AccountCodeIssued(credential.Login.Value ?? "", code, reset.ActivationExpiresAt);
    }
}
