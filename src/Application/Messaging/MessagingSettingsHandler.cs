using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.Messaging;

namespace MonBureau.Application.Messaging;

/// <summary>The head of school (direction) or the establishment's administrator adjusts quiet hours and who may write to whom.</summary>
public static class MessagingSettingsHandler
{
    public static Task<Guid> Handle(SetQuietHours command, IDocumentSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return SetAsync(session, command.EstablishmentId, MessagingDecisions.SetQuietHours(command), cancellationToken);
    }

    public static Task<Guid> Handle(SetMessagingRules command, IDocumentSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return SetAsync(session, command.EstablishmentId, new MessagingRulesSet(command.EstablishmentId, command.Rules), cancellationToken);
    }

    private static async Task<Guid> SetAsync(IDocumentSession session, Guid establishmentId, object change, CancellationToken cancellationToken)
    {
        var actor = ActingContext.Current ?? throw new MissingActorException();
        if (actor.Role is not (Role.Direction or Role.EstablishmentAdministrator) || !actor.ActsIn(establishmentId))
            throw BusinessRuleException.Forbidden();
        var establishment = await session.LoadAsync<Establishment>(establishmentId, cancellationToken)
            ?? throw BusinessRuleException.NotFound("Establishment");
        session.Events.Append(establishment.Id, change);
        return establishment.Id;
    }
}
