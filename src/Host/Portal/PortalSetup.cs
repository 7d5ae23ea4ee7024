using MonBureau.Application.Portal;

namespace MonBureau.Host.Portal;

public static class PortalSetup
{
    /// <summary>Single sign-on hand-offs and the scheduled health checks (MonBureau:Connectors:HealthInterval, :HealthTimeout).</summary>
    public static void AddServicePortal(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(new ConnectorHealthOptions(
            builder.Configuration.GetValue("MonBureau:Connectors:HealthInterval", ConnectorHealthOptions.Default.Interval),
            builder.Configuration.GetValue("MonBureau:Connectors:HealthTimeout", ConnectorHealthOptions.Default.Timeout)));
        services.AddSingleton<ConnectorKeys>();
        services.AddSingleton<ServiceAssertions>();
        services.AddSingleton<ConnectorHealthMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<ConnectorHealthMonitor>());
    }
}
