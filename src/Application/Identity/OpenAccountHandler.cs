using Marten;
using MonBureau.Domain.Common;
using MonBureau.Domain.Identity;
using MonBureau.Domain.People;

namespace MonBureau.Application.Identity;

public static class OpenAccountHandler
{
    public static async Task<AccountCodeIssued> Handle(OpenAccount command, IDocumentSession session, LookupKeys keys, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var person = await session.Events.FetchLatest<Person>(command.PersonId, cancellationToken);
        var establishmentId = StaffAuthority.EstablishmentFor(person);
        var account = await session.Events.FetchLatest<Account>(command.PersonId, cancellationToken);
        var opened = AccountDecisions.Open(person, account, establishmentId, clock.GetUtcNow());

        var registered = (await session.Events.FetchStreamAsync(command.PersonId, token: cancellationToken))
            .Select(e => e.Data).OfType<PersonRegistered>().Single();
        if (registered.GivenName.Value is not { } given || registered.FamilyName.Value is not { } family)
            throw new BusinessRuleException(ErrorCodes.SubjectForgotten, "This person's data has been erased.");
        var login = await FreeLoginAsync(session, keys, given, family, cancellationToken);

        var code = Secrets.NewActivationCode();
        session.Insert(new LoginIndex(keys.For(login), command.PersonId));
        session.Store(new Credential
        {
            Id = command.PersonId,
            LoginKey = keys.For(login),
            Login = PersonalData.Of(command.PersonId, login),
            ActivationCodeDigest = Secrets.Digest(code),
        });
        session.Events.Append(command.PersonId, opened);
        return new AccountCodeIssued(login, code, opened.ActivationExpiresAt);
    }

    private static async Task<string> FreeLoginAsync(IDocumentSession session, LookupKeys keys, string given, string family, CancellationToken cancellationToken)
    {
        foreach (var candidate in LoginNames.Candidates(given, family).Take(10_000))
        {
            if (await session.LoadAsync<LoginIndex>(keys.For(candidate), cancellationToken) is null)
                return candidate;
        }

        throw new BusinessRuleException(ErrorCodes.Conflict, "No free login for this name.");
    }
}
