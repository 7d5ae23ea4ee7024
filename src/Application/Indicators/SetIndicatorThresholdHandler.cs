using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.Indicators;

namespace MonBureau.Application.Indicators;

/// <summary>Direction or the establishment's administrator adapts a threshold; it is kept on the establishment's stream, so "as of" readings use the one then in force.</summary>
public static class SetIndicatorThresholdHandler
{
    public static async Task<Guid> Handle(SetIndicatorThreshold command, IDocumentSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Current ?? throw new MissingActorException();
        if (actor.Role is not (Role.Direction or Role.EstablishmentAdministrator) || !actor.ActsIn(command.EstablishmentId))
            throw BusinessRuleException.Forbidden();
        var change = IndicatorSettingsDecisions.Set(command);
        var establishment = await session.LoadAsync<Establishment>(command.EstablishmentId, cancellationToken)
            ?? throw BusinessRuleException.NotFound("Establishment");
        session.Events.Append(establishment.Id, change);
        return establishment.Id;
    }
}
