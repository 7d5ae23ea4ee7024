using JasperFx.Events.Projections;
using Marten;

namespace MonBureau.Projections.Attendance;

public static class AttendanceProjectionsSetup
{
    /// <summary>Inline: the teacher and the office re-read the roll call or absence right after changing it.</summary>
    public static void AddAttendanceProjections(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<RollCallViewProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<AbsenceViewProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<LatenessViewProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<AbsenteeismAlertTransformation>(ProjectionLifecycle.Inline);
        options.Projections.Add<AbsenceReasonListProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<RollCallView>().Index(x => x.TeachingUnitId).Index(x => x.EstablishmentId);
        // The GIN index finds the absence a justification document is attached to (file query, ADR 0015).
        options.Schema.For<AbsenceView>().Index(x => x.StudentId).Index(x => x.EstablishmentId).GinIndexJsonData();
        options.Schema.For<LatenessView>().Index(x => x.StudentId).Index(x => x.EstablishmentId);
        options.Schema.For<AbsenteeismAlertView>().Index(x => x.EstablishmentId);
    }
}
