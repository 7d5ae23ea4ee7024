using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using MonBureau.Application.Attendance;
using MonBureau.Domain.Attendance;
using MonBureau.Domain.Establishments;

namespace MonBureau.Application.WriteModels;

/// <summary>Built from the establishment's stream: every establishment opens with the default reasons.</summary>
public partial class AbsenceReasonCatalogState : SingleStreamProjection<AbsenceReasonCatalog, Guid>
{
    public static AbsenceReasonCatalog Create(EstablishmentOpened e) => AbsenceReasonCatalog.Create(e);

    public AbsenceReasonCatalog Apply(AbsenceReasonAdded e, AbsenceReasonCatalog catalog) => catalog.Apply(e);

    public AbsenceReasonCatalog Apply(AbsenceReasonRetired e, AbsenceReasonCatalog catalog) => catalog.Apply(e);
}

public partial class RollCallState : SingleStreamProjection<RollCall, Guid>
{
    public static RollCall Create(RollCallTaken e) => RollCall.Create(e);

    public RollCall Apply(RollCallCorrected e, RollCall rollCall) => rollCall.Apply(e);
}

public partial class StudentAttendanceState : SingleStreamProjection<StudentAttendance, Guid>
{
    public static StudentAttendance Create(AbsenceRecorded e) => StudentAttendance.Empty(e.StudentId, e.EstablishmentId).Apply(e);

    public static StudentAttendance Create(LatenessRecorded e) => StudentAttendance.Empty(e.StudentId, e.EstablishmentId).Apply(e);

    public StudentAttendance Apply(AbsenceRecorded e, StudentAttendance record) => record.Apply(e);

    public StudentAttendance Apply(AbsenceWithdrawn e, StudentAttendance record) => record.Apply(e);

    public StudentAttendance Apply(LatenessRecorded e, StudentAttendance record) => record.Apply(e);

    public StudentAttendance Apply(LatenessWithdrawn e, StudentAttendance record) => record.Apply(e);

    public StudentAttendance Apply(AbsenceJustificationSubmitted e, StudentAttendance record) => record.Apply(e);

    public StudentAttendance Apply(AbsenceJustificationAccepted e, StudentAttendance record) => record.Apply(e);

    public StudentAttendance Apply(AbsenceJustificationRejected e, StudentAttendance record) => record.Apply(e);

    public StudentAttendance Apply(AbsenteeismAlertRaised e, StudentAttendance record) => record.Apply(e);

    public StudentAttendance Apply(AbsenceErased e, StudentAttendance record) => record.Apply(e);

    public StudentAttendance Apply(LatenessErased e, StudentAttendance record) => record.Apply(e);
}

public static class AttendanceWriteModelsSetup
{
    public static void AddAttendanceWriteModels(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<AbsenceReasonCatalogState>(ProjectionLifecycle.Inline);
        options.Projections.Add<RollCallState>(ProjectionLifecycle.Inline);
        options.Projections.Add<StudentAttendanceState>(ProjectionLifecycle.Inline);
        options.Schema.For<AbsenceReasonCatalog>().Identity(x => x.EstablishmentId);
        options.Events.AddMaskingRuleForProtectedInformation<AbsenceJustificationSubmitted>(AttendancePurge.WithoutWords);
        options.Events.AddMaskingRuleForProtectedInformation<AbsenceJustificationAccepted>(AttendancePurge.WithoutWords);
        options.Events.AddMaskingRuleForProtectedInformation<AbsenceJustificationRejected>(AttendancePurge.WithoutWords);
    }
}
