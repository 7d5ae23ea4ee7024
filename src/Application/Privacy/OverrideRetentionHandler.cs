using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.Privacy;

namespace MonBureau.Application.Privacy;

/// <summary>The privacy officer sets the establishment's own retention within the legal bounds; each change is a new policy version.</summary>
public static class OverrideRetentionHandler
{
    public static async Task<Guid> Handle(OverrideRetention command, IDocumentSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = ActingContext.Require(Role.PrivacyOfficer);
        var establishment = actor.ActsIn(command.EstablishmentId)
            ? await session.Events.FetchLatest<Establishment>(command.EstablishmentId, cancellationToken)
            : null;
        if (establishment is null)
            throw BusinessRuleException.NotFound("Establishment");

        session.Events.Append(establishment.Id, RetentionRegistry.Override(command, establishment.RetentionPolicyVersion));
        return establishment.Id;
    }
}
