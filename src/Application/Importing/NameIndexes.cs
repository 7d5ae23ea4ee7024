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
}
