using Marten.Events.Projections;
using MonBureau.Domain.Attendance;

namespace MonBureau.Projections.Attendance;

/// <summary>An absenteeism alert on the school-life dashboard.</summary>
public sealed class AbsenteeismAlertView
{
    public Guid Id { get; set; }
    public Guid EstablishmentId { get; set; }
    public Guid StudentId { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public int UnjustifiedHalfDays { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
}

public partial class AbsenteeismAlertTransformation : EventProjection
{
    public AbsenteeismAlertView Create(AbsenteeismAlertRaised e) => new()
    {
        Id = e.AlertId,
        EstablishmentId = e.EstablishmentId,
        StudentId = e.StudentId,
        Year = e.Year,
        Month = e.Month,
        UnjustifiedHalfDays = e.UnjustifiedHalfDays,
        RaisedAt = e.RaisedAt,
    };
}
