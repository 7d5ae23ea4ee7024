using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using MonBureau.Domain.VirtualClasses;

namespace MonBureau.Application.WriteModels;

public partial class VirtualClassState : SingleStreamProjection<VirtualClass, Guid>
{
    public static VirtualClass Create(VirtualClassScheduled e) => VirtualClass.Create(e);
}

public static class VirtualClassWriteModelsSetup
{
    public static void AddVirtualClassWriteModels(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<VirtualClassState>(ProjectionLifecycle.Inline);
    }
}
