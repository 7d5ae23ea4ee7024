using MonBureau.Domain.Common;

namespace MonBureau.Domain.Portal;

/// <summary>What a third-party service offers: digital textbooks through the GAR, orientation, administrative services, virtual classes.</summary>
public enum ConnectorKind
{
    DigitalTextbooks,
    Orientation,
    Administrative,
    VirtualClassroom,
}

/// <summary>
/// A service of the platform's catalogue (connecteur). <c>Audience</c> is the identifier the service checks in the
/// assertions it receives; <c>ReceivesPersonalData</c> says whether it gets names (so needs the privacy officer's approval).
/// </summary>
public sealed record ConnectorRegistered(
    Guid ConnectorId, string Name, ConnectorKind Kind, string LaunchUrl, string? HealthUrl, string Audience, bool ReceivesPersonalData,
    Guid RegisteredBy, DateTimeOffset RegisteredAt);

/// <summary>The privacy officer's (référent RGPD) approval for one establishment, limited to some profiles (a reduced scope first).</summary>
public sealed record ConnectorApproved(
    Guid SettingId, Guid EstablishmentId, Guid ConnectorId, IReadOnlyList<Role> Profiles, string Reason, Guid DecidedBy, DateTimeOffset DecidedAt)
    : IEstablishmentScoped;

/// <summary>The privacy officer refused: the connector cannot be enabled until a later approval.</summary>
public sealed record ConnectorApprovalRefused(Guid SettingId, Guid EstablishmentId, Guid ConnectorId, string Reason, Guid DecidedBy, DateTimeOffset DecidedAt)
    : IEstablishmentScoped;

/// <summary>The connector shows in the portal of these profiles of the establishment.</summary>
public sealed record ConnectorEnabled(Guid SettingId, Guid EstablishmentId, Guid ConnectorId, IReadOnlyList<Role> Profiles, Guid EnabledBy, DateTimeOffset EnabledAt)
    : IEstablishmentScoped;

/// <summary>The fallback: the connector leaves every portal of the establishment at once.</summary>
public sealed record ConnectorDisabled(Guid SettingId, Guid EstablishmentId, Guid ConnectorId, Guid DisabledBy, DateTimeOffset DisabledAt) : IEstablishmentScoped;

public sealed record Connector(Guid Id, ConnectorKind Kind, string LaunchUrl, bool ReceivesPersonalData)
{
    public static Connector Create(ConnectorRegistered e) => new(e.ConnectorId, e.Kind, e.LaunchUrl, e.ReceivesPersonalData);
}

/// <summary>One connector at one establishment: what the privacy officer approved and who sees it.</summary>
public sealed record ConnectorSetting(Guid Id, Guid EstablishmentId, Guid ConnectorId, IReadOnlyList<Role>? ApprovedProfiles, IReadOnlyList<Role> EnabledProfiles)
{
    /// <summary>One stream per establishment and connector, found without a lookup.</summary>
    public static Guid IdFor(Guid establishmentId, Guid connectorId) => NameBasedId.From($"connector-setting:{establishmentId:N}:{connectorId:N}");

    public static ConnectorSetting Create(ConnectorApproved e) => new(e.SettingId, e.EstablishmentId, e.ConnectorId, e.Profiles, []);

    public static ConnectorSetting Create(ConnectorApprovalRefused e) => new(e.SettingId, e.EstablishmentId, e.ConnectorId, null, []);

    public static ConnectorSetting Create(ConnectorEnabled e) => new(e.SettingId, e.EstablishmentId, e.ConnectorId, null, e.Profiles);

    public ConnectorSetting Apply(ConnectorApproved e) => this with { ApprovedProfiles = e.Profiles };

    /// <summary>A refusal withdraws an earlier approval and takes the connector out of the portals.</summary>
    public ConnectorSetting Apply(ConnectorApprovalRefused e) => this with { ApprovedProfiles = null, EnabledProfiles = [] };

    public ConnectorSetting Apply(ConnectorEnabled e) => this with { EnabledProfiles = e.Profiles };

    public ConnectorSetting Apply(ConnectorDisabled e) => this with { EnabledProfiles = [] };
}
