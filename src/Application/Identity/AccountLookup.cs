using Marten;
using MonBureau.Domain.Identity;
using MonBureau.Domain.People;

namespace MonBureau.Application.Identity;

internal sealed record AccountView(Guid PersonId, Credential Credential, Account Account, Person Person);

internal static class AccountLookup
{
    public static async Task<AccountView?> ByLoginAsync(IDocumentSession session, LookupKeys keys, string login, CancellationToken cancellationToken)
    {
        var index = await session.LoadAsync<LoginIndex>(keys.For(login), cancellationToken);
        return index is null ? null : await ByPersonAsync(session, index.PersonId, cancellationToken);
    }

    public static async Task<AccountView?> ByPersonAsync(IDocumentSession session, Guid personId, CancellationToken cancellationToken)
    {
        var credential = await session.LoadAsync<Credential>(personId, cancellationToken);
        var account = await session.Events.FetchLatest<Account>(personId, cancellationToken);
        var person = await session.Events.FetchLatest<Person>(personId, cancellationToken);
        return credential is null || account is null || person is null ? null : new AccountView(personId, credential, account, person);
    }
}
