using Marten;

namespace MonBureau.Application.Identity;

internal static class SessionRevocation
{
    public static async Task RevokeAllAsync(IDocumentSession session, Guid personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await session.Query<RefreshSession>().Where(s => s.PersonId == personId && s.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var refresh in open)
        {
            refresh.RevokedAt = now;
            session.Store(refresh);
        }
    }
}
