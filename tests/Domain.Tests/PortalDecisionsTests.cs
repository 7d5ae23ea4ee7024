using MonBureau.Domain.Common;
using MonBureau.Domain.Portal;

namespace MonBureau.Domain.Tests;

public class PortalDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid EstablishmentId = Guid.CreateVersion7();
    private static readonly PortalEditor Admin = new(Guid.CreateVersion7(), Role.EstablishmentAdministrator, EstablishmentId);
    private static readonly PortalEditor Officer = new(Guid.CreateVersion7(), Role.PrivacyOfficer, EstablishmentId);

    private static Connector Registered(bool personalData) => Connector.Create(PortalDecisions.Register(
        Guid.NewGuid(), new RegisterConnector("Classe virtuelle", ConnectorKind.VirtualClassroom, "https://classe.example.org/", null, "urn:classe", personalData), Guid.NewGuid(), Now));

    [Fact]
    public void A_connector_without_personal_data_is_enabled_without_approval()
    {
        var enabled = PortalDecisions.Enable(new EnableConnector(Guid.Empty, [Role.Student]), Admin, Registered(false), null, Now);
        Assert.Equal([Role.Student], enabled.Profiles);
    }

    [Fact]
    public void A_connector_with_personal_data_needs_an_approval_covering_the_profiles()
    {
        var connector = Registered(true);
        Assert.Equal(ErrorCodes.PrivacyApprovalRequired, Assert.Throws<BusinessRuleException>(() =>
            PortalDecisions.Enable(new EnableConnector(connector.Id, [Role.Teacher]), Admin, connector, null, Now)).Code);

        var approved = ConnectorSetting.Create(PortalDecisions.Approve(new ApproveConnector(connector.Id, [Role.Teacher], "Essai"), Officer, connector, Now));
        Assert.Equal(ErrorCodes.PrivacyApprovalRequired, Assert.Throws<BusinessRuleException>(() =>
            PortalDecisions.Enable(new EnableConnector(connector.Id, [Role.Teacher, Role.Student]), Admin, connector, approved, Now)).Code);
        var enabled = approved.Apply(PortalDecisions.Enable(new EnableConnector(connector.Id, [Role.Teacher]), Admin, connector, approved, Now));

        var refused = enabled.Apply(PortalDecisions.Refuse(new RefuseConnector(connector.Id, "Contrat incomplet"), Officer, connector, Now));
        Assert.Empty(refused.EnabledProfiles);
        Assert.Equal(ErrorCodes.PrivacyApprovalRequired, Assert.Throws<BusinessRuleException>(() =>
            PortalDecisions.Enable(new EnableConnector(connector.Id, [Role.Teacher]), Admin, connector, refused, Now)).Code);
    }

    [Fact]
    public void Only_the_privacy_officer_decides_and_launch_addresses_travel_encrypted()
    {
        var connector = Registered(true);
        Assert.Equal(ErrorCodes.Forbidden, Assert.Throws<BusinessRuleException>(() =>
            PortalDecisions.Approve(new ApproveConnector(connector.Id, [Role.Teacher], "x"), Admin, connector, Now)).Code);
        Assert.Throws<BusinessRuleException>(() => PortalDecisions.Register(
            Guid.NewGuid(), new RegisterConnector("X", ConnectorKind.Orientation, "http://example.org/", null, "urn:x", false), Guid.NewGuid(), Now));
    }

    [Fact]
    public void An_opening_is_recorded_per_establishment_and_service_with_ids_only()
    {
        var connectorId = Guid.CreateVersion7();
        var person = Guid.CreateVersion7();

        var opened = ConnectorUsage.Opened(new RecordServiceOpening(connectorId), person, Role.Student, EstablishmentId, Now);

        Assert.Equal(new ServiceOpened(connectorId, EstablishmentId, person, Role.Student, Now), opened);
        Assert.Equal(ConnectorUsage.StreamFor(EstablishmentId, connectorId), ConnectorUsage.StreamFor(EstablishmentId, connectorId));
        Assert.NotEqual(ConnectorUsage.StreamFor(EstablishmentId, connectorId), ConnectorUsage.StreamFor(Guid.CreateVersion7(), connectorId));
        Assert.Equal(ErrorCodes.Forbidden, Assert.Throws<BusinessRuleException>(() => ConnectorUsage.Opened(new RecordServiceOpening(connectorId), person, Role.RegionAdministrator, null, Now)).Code);
    }
}
