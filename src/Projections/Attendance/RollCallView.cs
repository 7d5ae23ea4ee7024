using Marten.Events.Aggregation;
using MonBureau.Domain.Attendance;

namespace MonBureau.Projections.Attendance;

/// <summary>A lesson's roll call as it stands, with every correction made to it.</summary>
public sealed class RollCallView
{
    public Guid Id { get; set; }
    public Guid EstablishmentId { get; set; }
    public Guid TeachingUnitId { get; set; }
    public Lesson Lesson { get; set; } = null!;
    public Guid TeacherId { get; set; }
    public DateTimeOffset TakenAt { get; set; }
    public List<RollCallMark> Marks { get; set; } = [];
    public List<RollCallCorrectionView> Corrections { get; set; } = [];
}

public sealed class RollCallCorrectionView
{
    public Guid TeacherId { get; set; }
    public DateTimeOffset CorrectedAt { get; set; }
    public List<RollCallChange> Changes { get; set; } = [];
}

public partial class RollCallViewProjection : SingleStreamProjection<RollCallView, Guid>
{
    public static RollCallView Create(RollCallTaken e) => new()
    {
        Id = e.RollCallId,
        EstablishmentId = e.EstablishmentId,
        TeachingUnitId = e.Lesson.TeachingUnitId,
        Lesson = e.Lesson,
        TeacherId = e.TeacherId,
        TakenAt = e.TakenAt,
        Marks = [.. e.Marks],
    };

    public void Apply(RollCallCorrected e, RollCallView view)
    {
        foreach (var change in e.Changes)
        {
            view.Marks.RemoveAll(m => m.StudentId == change.StudentId);
            view.Marks.Add(change.After);
        }

        view.Corrections.Add(new RollCallCorrectionView { TeacherId = e.TeacherId, CorrectedAt = e.CorrectedAt, Changes = [.. e.Changes] });
    }
}
