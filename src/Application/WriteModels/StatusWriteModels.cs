using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using MonBureau.Domain.Status;

namespace MonBureau.Application.WriteModels;

public partial class ServiceNoticeState : SingleStreamProjection<ServiceNotice, Guid>
{
    public static ServiceNotice Create(IncidentDeclared e) => ServiceNotice.Create(e);

    public static ServiceNotice Create(MaintenanceAnnounced e) => ServiceNotice.Create(e);

    public ServiceNotice Apply(IncidentUpdated e, ServiceNotice notice) => notice.Apply(e);

    public ServiceNotice Apply(MaintenanceCancelled e, ServiceNotice notice) => notice.Apply(e);
}

public static class StatusWriteModelsSetup
{
    /// <summary>The status page's incidents and maintenance windows.</summary>
    public static void AddStatusWriteModels(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<ServiceNoticeState>(ProjectionLifecycle.Inline);
    }
}
