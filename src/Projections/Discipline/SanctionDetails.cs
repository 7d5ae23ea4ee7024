using Marten.Events.Aggregation;
using MonBureau.Domain.Common;
using MonBureau.Domain.Discipline;

namespace MonBureau.Projections.Discipline;

/// <summary>A sanction on the student's file, until its erasure date: then the document is deleted.</summary>
public sealed class SanctionDetails
{
    public Guid Id { get; set; }
    public Guid EstablishmentId { get; set; }
    public Guid StudentId { get; set; }
    public Guid PronouncedBy { get; set; }
    public SanctionKind Kind { get; set; }
    public PersonalData Facts { get; set; } = null!;
    public int? ExclusionDays { get; set; }
    public DateOnly DecidedOn { get; set; }
    public DateOnly ErasedOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

public partial class SanctionDetailsProjection : SingleStreamProjection<SanctionDetails, Guid>
{
    public static SanctionDetails Create(SanctionPronounced e) => new()
    {
        Id = e.SanctionId,
        EstablishmentId = e.EstablishmentId,
        StudentId = e.StudentId,
        PronouncedBy = e.PronouncedBy,
        Kind = e.Kind,
        Facts = e.Facts,
        ExclusionDays = e.ExclusionDays,
        DecidedOn = e.DecidedOn,
        ErasedOn = e.ErasedOn,
        RecordedAt = e.RecordedAt,
    };

    public bool ShouldDelete(SanctionErased _) => true;
}
