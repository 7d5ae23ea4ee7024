using Marten.Events.Projections;
using MonBureau.Domain.Attendance;

namespace MonBureau.Projections.Attendance;

public sealed class LatenessView
{
    public Guid Id { get; set; }
    public Guid EstablishmentId { get; set; }
    public Guid StudentId { get; set; }
    public DateOnly Date { get; set; }
    public int Minutes { get; set; }
    public Guid? RollCallId { get; set; }
    public Lesson? Lesson { get; set; }
    public AbsenceReason? Reason { get; set; }
    public Guid RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public bool Withdrawn { get; set; }
}

public partial class LatenessViewProjection : MultiStreamProjection<LatenessView, Guid>
{
    public LatenessViewProjection()
    {
        Identity<LatenessRecorded>(e => e.LatenessId);
        Identity<LatenessWithdrawn>(e => e.LatenessId);
        Identity<LatenessErased>(e => e.LatenessId);
    }

    public bool ShouldDelete(LatenessErased e) => true;

    public static LatenessView Create(LatenessRecorded e) => new()
    {
        Id = e.LatenessId,
        EstablishmentId = e.EstablishmentId,
        StudentId = e.StudentId,
        Date = e.Date,
        Minutes = e.Minutes,
        RollCallId = e.RollCallId,
        Lesson = e.Lesson,
        Reason = e.Reason,
        RecordedBy = e.RecordedBy,
        RecordedAt = e.RecordedAt,
    };

    public void Apply(LatenessWithdrawn e, LatenessView view) => view.Withdrawn = true;
}
