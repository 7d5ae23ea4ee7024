using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.Messaging;
using MonBureau.Domain.People;

namespace MonBureau.Application.Messaging;

public static class MessagingSenders
{
    /// <summary>The signed-in person in the profile they act in, with their establishment's messaging settings.</summary>
    internal static async Task<(Sender Sender, MessagingContext Context)> LoadAsync(IDocumentSession session, CancellationToken cancellationToken)
    {
        var actor = ActingContext.Current ?? throw new MissingActorException();
        if (actor.IsSystem || actor.EstablishmentId is not { } establishmentId)
            throw BusinessRuleException.Forbidden();
        var person = await session.Events.FetchLatest<Person>(actor.Id, cancellationToken);
        if (person is null || !person.Holds(actor.Role, establishmentId))
            throw BusinessRuleException.Forbidden();
        return (new Sender(person, actor.Role, establishmentId), await ContextAsync(session, establishmentId, cancellationToken));
    }

    /// <summary>An establishment's messaging settings (defaults until direction changes them) and its time zone.</summary>
    public static async Task<MessagingContext> ContextAsync(IQuerySession session, Guid establishmentId, CancellationToken cancellationToken)
    {
        var settings = await session.LoadAsync<MessagingSettings>(establishmentId, cancellationToken) ?? MessagingSettings.DefaultFor(establishmentId);
        var establishment = await session.LoadAsync<Establishment>(establishmentId, cancellationToken);
        return new MessagingContext(settings, TimeZoneInfo.FindSystemTimeZoneById(establishment?.TimeZone ?? EstablishmentDecisions.DefaultTimeZone));
    }
}
