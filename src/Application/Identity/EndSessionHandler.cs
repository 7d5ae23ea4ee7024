using Marten;

namespace MonBureau.Application.Identity;

public static class EndSessionHandler
{
    public static async Task Handle(EndSession command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await session.LoadAsync<RefreshSession>(Secrets.Digest(command.RefreshToken ?? ""), cancellationToken) is { RevokedAt: null } current)
        {
            current.RevokedAt = clock.GetUtcNow();
            session.Store(current);
        }
    }
}
