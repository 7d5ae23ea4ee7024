using Marten.Events.Aggregation;
using MonBureau.Domain.Common;
using MonBureau.Domain.Files;
using MonBureau.Domain.LessonLog;

namespace MonBureau.Projections.LessonLog;

/// <summary>A lesson log entry as it reads now, with every earlier version kept for direction and the author.</summary>
public sealed class LessonLogEntryDetails
{
    public Guid Id { get; set; }
    public Guid EstablishmentId { get; set; }
    public Guid TeachingUnitId { get; set; }
    public Guid TeacherId { get; set; }
    public string Subject { get; set; } = "";
    public DateOnly LessonDate { get; set; }
    public string Title { get; set; } = "";
    public PersonalData Content { get; set; } = null!;
    public DateTimeOffset WrittenAt { get; set; }
    public DateTimeOffset? LastEditedAt { get; set; }
    public List<LessonLogRevision> Revisions { get; set; } = [];
    public List<AttachedFile> Attachments { get; set; } = [];
}

/// <summary>One version of an entry: the first as written, then one per edit.</summary>
public sealed record LessonLogRevision(int Number, DateOnly LessonDate, string Title, PersonalData Content, Guid TeacherId, DateTimeOffset At);

public partial class LessonLogEntryDetailsProjection : SingleStreamProjection<LessonLogEntryDetails, Guid>
{
    public static LessonLogEntryDetails Create(LessonLogEntryWritten e) => new()
    {
        Id = e.EntryId,
        EstablishmentId = e.EstablishmentId,
        TeachingUnitId = e.TeachingUnitId,
        TeacherId = e.TeacherId,
        Subject = e.Subject,
        LessonDate = e.LessonDate,
        Title = e.Title,
        Content = e.Content,
        WrittenAt = e.WrittenAt,
        Revisions = [new LessonLogRevision(1, e.LessonDate, e.Title, e.Content, e.TeacherId, e.WrittenAt)],
        Attachments = [.. e.Attachments ?? []],
    };

    public bool ShouldDelete(LessonLogEntryPurged e) => true;

    public void Apply(LessonLogEntryEdited e, LessonLogEntryDetails entry)
    {
        entry.LessonDate = e.LessonDate;
        entry.Title = e.Title;
        entry.Content = e.Content;
        entry.LastEditedAt = e.EditedAt;
        entry.Revisions.Add(new LessonLogRevision(entry.Revisions.Count + 1, e.LessonDate, e.Title, e.Content, e.TeacherId, e.EditedAt));
    }
}

public static class TeachingProjectionsSetup
{
    /// <summary>Lesson log, submissions and grading scales (issue 4).</summary>
    public static void AddTeachingProjections(this Marten.StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<LessonLogEntryDetailsProjection>(JasperFx.Events.Projections.ProjectionLifecycle.Inline);
        options.Projections.Add<Homework.SubmissionDetailsProjection>(JasperFx.Events.Projections.ProjectionLifecycle.Inline);
        options.Projections.Add<Grading.GradingScaleDetailsProjection>(JasperFx.Events.Projections.ProjectionLifecycle.Inline);
        options.Schema.For<LessonLogEntryDetails>().Index(x => x.TeachingUnitId);
        // GIN indexes: opening a file finds the record it is attached to by containment on the file list.
        options.Schema.For<LessonLogEntryDetails>().GinIndexJsonData();
        options.Schema.For<Homework.SubmissionDetails>().Index(x => x.HomeworkId).Index(x => x.StudentId).GinIndexJsonData();
        options.Schema.For<Grading.GradingScaleDetails>().Index(x => x.EstablishmentId);
    }
}
