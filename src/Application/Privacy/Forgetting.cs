using Marten;
using MonBureau.Application.Identity;
using MonBureau.Application.Importing;
using MonBureau.Domain.Privacy;

namespace MonBureau.Application.Privacy;

/// <summary>
/// Forgets one person for good: their key goes first (so their sealed data is unreadable even if what follows
/// failed), then their stored files and every lookup that could still lead to them (login, name and roster indexes, sessions, secrets).
/// </summary>
internal static class Forgetting
{
    public static async Task ForgetAsync(IDocumentSession session, SubjectKeyRing keys, Guid personId, ErasureGround ground, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await keys.ForgetAsync(personId, cancellationToken);
        session.Delete<Credential>(personId);
        Files.FileStore.ForgetOwner(session, personId);
        session.DeleteWhere<LoginIndex>(l => l.PersonId == personId);
        session.DeleteWhere<RefreshSession>(r => r.PersonId == personId);
        session.DeleteWhere<RosterEntry>(r => r.PersonId == personId);
        session.DeleteWhere<StaffRosterEntry>(r => r.PersonId == personId);
        session.DeleteWhere<GuardianKey>(g => g.PersonId == personId);
        await NameIndexes.RemoveAsync(session, personId, keepUnder: null, cancellationToken);

        session.Events.Append(personId, new DataSubjectForgotten(personId, ground, now));
    }
}
