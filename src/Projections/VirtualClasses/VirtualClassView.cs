using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using MonBureau.Domain.VirtualClasses;

namespace MonBureau.Projections.VirtualClasses;

/// <summary>A virtual class with its room and, once recorded, who attended.</summary>
public sealed class VirtualClassView
{
    public Guid Id { get; set; }
    public Guid EstablishmentId { get; set; }
    public Guid TeachingUnitId { get; set; }
    public Guid TeacherId { get; set; }
    public Guid ConnectorId { get; set; }
    public Guid AgendaEventId { get; set; }
    public string Title { get; set; } = "";
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string JoinUrl { get; set; } = "";
    public List<Guid> PresentStudentIds { get; set; } = [];
    public List<Guid> AbsentStudentIds { get; set; } = [];
    public DateTimeOffset? AttendanceRecordedAt { get; set; }
}

public partial class VirtualClassViewProjection : SingleStreamProjection<VirtualClassView, Guid>
{
    public static VirtualClassView Create(VirtualClassScheduled e) => new()
    {
        Id = e.VirtualClassId,
        EstablishmentId = e.EstablishmentId,
        TeachingUnitId = e.TeachingUnitId,
        TeacherId = e.TeacherId,
        ConnectorId = e.ConnectorId,
        AgendaEventId = e.AgendaEventId,
        Title = e.Title,
        StartsAt = e.StartsAt,
        EndsAt = e.EndsAt,
        JoinUrl = e.JoinUrl,
    };

    public static void Apply(VirtualClassAttendanceRecorded e, VirtualClassView view)
    {
        view.PresentStudentIds = [.. e.PresentStudentIds];
        view.AbsentStudentIds = [.. e.AbsentStudentIds];
        view.AttendanceRecordedAt = e.RecordedAt;
    }
}

public static class VirtualClassProjectionsSetup
{
    public static void AddVirtualClassProjections(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<VirtualClassViewProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<VirtualClassView>().Index(x => x.TeachingUnitId).Index(x => x.TeacherId);
    }
}
