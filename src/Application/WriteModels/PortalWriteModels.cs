using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using MonBureau.Domain.Portal;

namespace MonBureau.Application.WriteModels;

public partial class ConnectorState : SingleStreamProjection<Connector, Guid>
{
    public static Connector Create(ConnectorRegistered e) => Connector.Create(e);
}

public partial class ConnectorSettingState : SingleStreamProjection<ConnectorSetting, Guid>
{
    public static ConnectorSetting Create(ConnectorApproved e) => ConnectorSetting.Create(e);

    public static ConnectorSetting Create(ConnectorApprovalRefused e) => ConnectorSetting.Create(e);

    public static ConnectorSetting Create(ConnectorEnabled e) => ConnectorSetting.Create(e);

    public ConnectorSetting Apply(ConnectorApproved e, ConnectorSetting setting) => setting.Apply(e);

    public ConnectorSetting Apply(ConnectorApprovalRefused e, ConnectorSetting setting) => setting.Apply(e);

    public ConnectorSetting Apply(ConnectorEnabled e, ConnectorSetting setting) => setting.Apply(e);

    public ConnectorSetting Apply(ConnectorDisabled e, ConnectorSetting setting) => setting.Apply(e);
}

public static class PortalWriteModelsSetup
{
    /// <summary>The connector catalogue and each establishment's connector settings.</summary>
    public static void AddPortalWriteModels(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<ConnectorState>(ProjectionLifecycle.Inline);
        options.Projections.Add<ConnectorSettingState>(ProjectionLifecycle.Inline);
    }
}
