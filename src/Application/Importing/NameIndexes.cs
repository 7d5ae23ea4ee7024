using Marten;
using MonBureau.Application.Identity;

namespace MonBureau.Application.Importing;

internal static class NameIndexes
{
    /// <summary>Records a newly registered person under their name, so later imports notice homonyms instead of duplicating them.</summary>
    public static async Task AddAsync(IDocumentSession session, LookupKeys keys, string familyName, string givenName, Guid personId, CancellationToken cancellationToken)
    {
        var id = keys.ForName(familyName, givenName);
        var index = await session.LoadAsync<NameIndex>(id, cancellationToken) ?? new NameIndex { Id = id };
        index.PersonIds.Add(personId);
        session.Store(index);
    }

    /// <summary>Files a person under their corrected name only.</summary>
    public static async Task MoveAsync(IDocumentSession session, LookupKeys keys, string familyName, string givenName, Guid personId, CancellationToken cancellationToken)
    {
        var id = keys.ForName(familyName, givenName);
        var filed = await RemoveAsync(session, personId, keepUnder: id, cancellationToken);
        if (!filed)
            await AddAsync(session, keys, familyName, givenName, personId, cancellationToken);
    }

    /// <summary>Takes a person out of every name they are filed under but <paramref name="keepUnder"/>; true if they stay filed there.</summary>
    public static async Task<bool> RemoveAsync(IDocumentSession session, Guid personId, string? keepUnder, CancellationToken cancellationToken)
    {
        var kept = false;
        foreach (var index in await session.Query<NameIndex>().Where(n => n.PersonIds.Contains(personId)).ToListAsync(cancellationToken))
        {
            if (index.Id == keepUnder)
            {
                kept = true;
                continue;
            }

            index.PersonIds.Remove(personId);
            session.Store(index);
        }

        return kept;
    }
}
