using Marten.Events.Aggregation;
using MonBureau.Domain.Attendance;
using MonBureau.Domain.Establishments;

namespace MonBureau.Projections.Attendance;

/// <summary>The establishment's absence reasons (motifs), as staff and families pick from them.</summary>
public sealed class AbsenceReasonList
{
    public Guid Id { get; set; }
    public List<AbsenceReason> Reasons { get; set; } = [];
}

public partial class AbsenceReasonListProjection : SingleStreamProjection<AbsenceReasonList, Guid>
{
    public static AbsenceReasonList Create(EstablishmentOpened e) => new() { Id = e.EstablishmentId, Reasons = [.. AbsenceReasonCatalog.Defaults] };

    public void Apply(AbsenceReasonAdded e, AbsenceReasonList list)
    {
        list.Reasons.RemoveAll(r => r.Code == e.Code);
        list.Reasons.Add(new AbsenceReason(e.Code, e.Label, e.CountsAsJustified));
    }

    public void Apply(AbsenceReasonRetired e, AbsenceReasonList list) => list.Reasons.RemoveAll(r => r.Code == e.Code);
}
