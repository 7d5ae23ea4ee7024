using Marten.Events.Projections;
using MonBureau.Domain.Attendance;
using MonBureau.Domain.Common;
using MonBureau.Domain.Files;

namespace MonBureau.Projections.Attendance;

/// <summary>One absence, its justification and the office's decision; the family's words, documents and the comment stay sealed.</summary>
public sealed class AbsenceView
{
    public Guid Id { get; set; }
    public Guid EstablishmentId { get; set; }
    public Guid StudentId { get; set; }
    public List<HalfDay> HalfDays { get; set; } = [];
    public DateOnly FirstDay { get; set; }
    public DateOnly LastDay { get; set; }
    public Guid? RollCallId { get; set; }
    public Lesson? Lesson { get; set; }
    public AbsenceReason? Reason { get; set; }
    public Guid RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public bool Withdrawn { get; set; }
    public bool Justified { get; set; }
    public JustificationStatus Justification { get; set; }
    public Guid? JustifiedBy { get; set; }
    public AbsenceReason? SubmittedReason { get; set; }
    public PersonalData? Explanation { get; set; }

    /// <summary>The documents of the latest justification, opened through the file query.</summary>
    public List<AttachedFile> Documents { get; set; } = [];
    public DateTimeOffset? SubmittedAt { get; set; }
    public Guid? DecidedBy { get; set; }
    public PersonalData? DecisionComment { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}

public partial class AbsenceViewProjection : MultiStreamProjection<AbsenceView, Guid>
{
    public AbsenceViewProjection()
    {
        Identity<AbsenceRecorded>(e => e.AbsenceId);
        Identity<AbsenceWithdrawn>(e => e.AbsenceId);
        Identity<AbsenceJustificationSubmitted>(e => e.AbsenceId);
        Identity<AbsenceJustificationAccepted>(e => e.AbsenceId);
        Identity<AbsenceJustificationRejected>(e => e.AbsenceId);
        Identity<AbsenceErased>(e => e.AbsenceId);
    }

    public bool ShouldDelete(AbsenceErased e) => true;

    public static AbsenceView Create(AbsenceRecorded e) => new()
    {
        Id = e.AbsenceId,
        EstablishmentId = e.EstablishmentId,
        StudentId = e.StudentId,
        HalfDays = [.. e.HalfDays],
        FirstDay = e.HalfDays.Min().Date,
        LastDay = e.HalfDays.Max().Date,
        RollCallId = e.RollCallId,
        Lesson = e.Lesson,
        Reason = e.Reason,
        RecordedBy = e.RecordedBy,
        RecordedAt = e.RecordedAt,
        Justified = e.Reason?.CountsAsJustified == true,
    };

    public void Apply(AbsenceWithdrawn e, AbsenceView view) => view.Withdrawn = true;

    public void Apply(AbsenceJustificationSubmitted e, AbsenceView view)
    {
        view.Justification = JustificationStatus.Pending;
        view.JustifiedBy = e.GuardianId;
        view.SubmittedReason = e.Reason;
        view.Explanation = e.Explanation;
        view.Documents = [.. e.Documents ?? []];
        view.SubmittedAt = e.SubmittedAt;
        view.DecidedBy = null;
        view.DecisionComment = null;
        view.DecidedAt = null;
    }

    public void Apply(AbsenceJustificationAccepted e, AbsenceView view)
    {
        view.Justification = JustificationStatus.Accepted;
        view.Justified = true;
        view.Reason = e.Reason;
        Decided(view, e.DecidedBy, e.Comment, e.DecidedAt);
    }

    public void Apply(AbsenceJustificationRejected e, AbsenceView view)
    {
        view.Justification = JustificationStatus.Rejected;
        Decided(view, e.DecidedBy, e.Comment, e.DecidedAt);
    }

    private static void Decided(AbsenceView view, Guid by, PersonalData? comment, DateTimeOffset at)
    {
        view.DecidedBy = by;
        view.DecisionComment = comment;
        view.DecidedAt = at;
    }
}
