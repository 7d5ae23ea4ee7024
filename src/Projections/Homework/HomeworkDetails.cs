using Marten.Events.Aggregation;
using MonBureau.Domain.Common;
using MonBureau.Domain.Files;
using MonBureau.Domain.Homework;

namespace MonBureau.Projections.Homework;

public sealed class HomeworkDetails
{
    public Guid Id { get; set; }
    public Guid EstablishmentId { get; set; }
    public Guid ClassId { get; set; }
    public Guid TeacherId { get; set; }
    public string Subject { get; set; } = "";
    public string Title { get; set; } = "";
    public PersonalData Instructions { get; set; } = null!;
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    public List<Guid> StudentIds { get; set; } = [];
    public SubmissionFormat ExpectedFormat { get; set; } = SubmissionFormat.TextOrFile;
    public List<string> AllowedContentTypes { get; set; } = [];

    /// <summary>The stream's version, set by Marten: what an edit must name to prove it saw the latest state.</summary>
    public long Version { get; set; }

    public DateTimeOffset? EditedAt { get; set; }

    /// <summary>Workspace files handed out with the work: their stored content, referenced rather than copied.</summary>
    public List<AttachedFile> Documents { get; set; } = [];
}

public partial class HomeworkDetailsProjection : SingleStreamProjection<HomeworkDetails, Guid>
{
    public bool ShouldDelete(HomeworkPurged e) => true;

    public static HomeworkDetails Create(HomeworkAssigned e) => new()
    {
        Id = e.HomeworkId,
        EstablishmentId = e.EstablishmentId,
        ClassId = e.ClassId,
        TeacherId = e.TeacherId,
        Subject = e.Subject,
        Title = e.Title,
        Instructions = e.Instructions,
        DueAt = e.DueAt,
        AssignedAt = e.AssignedAt,
        StudentIds = [.. e.StudentIds ?? []],
        ExpectedFormat = e.ExpectedFormat,
        // As the write model reads it: no list means every accepted type, except for text-only work.
        AllowedContentTypes = e.ExpectedFormat == SubmissionFormat.Text ? [] : [.. e.AllowedContentTypes is { Count: > 0 } types ? types : FileContentTypes.All],
        Documents = [.. e.Documents ?? []],
    };

    public static void Apply(HomeworkEdited e, HomeworkDetails homework)
    {
        homework.Instructions = e.Instructions;
        homework.DueAt = e.DueAt;
        homework.EditedAt = e.EditedAt;
        if (e.ExpectedFormat == homework.ExpectedFormat)
            return;
        homework.ExpectedFormat = e.ExpectedFormat;
        homework.AllowedContentTypes = e.ExpectedFormat == SubmissionFormat.Text ? [] : [.. FileContentTypes.All];
    }
}
