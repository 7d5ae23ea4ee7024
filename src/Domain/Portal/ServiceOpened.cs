using MonBureau.Domain.Common;

namespace MonBureau.Domain.Portal;

/// <summary>
/// A person opened a service of their portal (the single sign-on hand-off was issued). Only ids, the profile and the
/// moment: never the pseudonym the service received, so the record cannot link a provider's user to the person.
/// </summary>
public sealed record ServiceOpened(Guid ConnectorId, Guid EstablishmentId, Guid PersonId, Role Profile, DateTimeOffset OpenedAt) : IEstablishmentScoped;

/// <summary>Record that the signed-in person is opening this service (the API checked it is in their portal).</summary>
public sealed record RecordServiceOpening(Guid ConnectorId);

/// <summary>How much each service is used at an establishment (openings per connector).</summary>
public static class ConnectorUsage
{
    /// <summary>One stream per establishment and connector: openings of different services never wait on each other.</summary>
    public static Guid StreamFor(Guid establishmentId, Guid connectorId) => NameBasedId.From($"connector-usage:{establishmentId:N}:{connectorId:N}");

    public static ServiceOpened Opened(RecordServiceOpening command, Guid personId, Role profile, Guid? establishmentId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        return establishmentId is { } establishment
            ? new ServiceOpened(command.ConnectorId, establishment, personId, profile, now)
            : throw BusinessRuleException.Forbidden();
    }
}
