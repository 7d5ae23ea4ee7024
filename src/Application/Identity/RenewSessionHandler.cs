using Marten;
using MonBureau.Domain.Identity;
using MonBureau.Domain.People;

namespace MonBureau.Application.Identity;

/// <summary>
/// Trades a refresh token for a new one (rotation). Presenting an already-rotated token means it was copied: every
/// session of that person is revoked, and they must sign in again.
/// </summary>
public static class RenewSessionHandler
{
    public static async Task<SignInResult> Handle(RenewSession command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow();
        var current = await session.LoadAsync<RefreshSession>(Secrets.Digest(command.RefreshToken ?? ""), cancellationToken);
        if (current is null || current.ExpiresAt <= now)
            return Refused();
        if (current.RevokedAt is not null)
        {
            if (current.ReplacedBy is not null)
                await SessionRevocation.RevokeAllAsync(session, current.PersonId, now, cancellationToken);
            return Refused();
        }

        var person = await session.Events.FetchLatest<Person>(current.PersonId, cancellationToken);
        var profile = new Profile(current.Role, current.EstablishmentId ?? Guid.Empty);
        if (person is null || !person.Profiles.Contains(profile))
            return Refused();

        var next = Secrets.NewOpaqueToken();
        current.RevokedAt = now;
        current.ReplacedBy = Secrets.Digest(next);
        session.Store(current);
        session.Store(new RefreshSession
        {
            Id = Secrets.Digest(next),
            PersonId = current.PersonId,
            Role = current.Role,
            EstablishmentId = current.EstablishmentId,
            ExpiresAt = current.ExpiresAt,
        });
        return new SignInResult(current.PersonId, profile, null, null, next);
    }

    private static SignInResult Refused() => new(null, null, SignInFailure.UnknownAccount, null, null);
}
