using MonBureau.Domain.Common;

namespace MonBureau.Domain.Homework;

/// <summary>
/// Instructions are the teacher's free text, so they are sealed under the teacher's key. <c>ClassId</c> is the teaching
/// unit: a class or a group. Empty <c>StudentIds</c> means every student of that unit; otherwise only those students.
/// The next three fields came with online submission, <c>Documents</c> (workspace files handed out, referenced by their
/// stored content) with the workspace: older events read with their defaults.
/// </summary>
public sealed record HomeworkAssigned(
    Guid HomeworkId,
    Guid EstablishmentId,
    Guid ClassId,
    Guid TeacherId,
    string Subject,
    string Title,
    PersonalData Instructions,
    DateTimeOffset DueAt,
    DateTimeOffset AssignedAt,
    IReadOnlyList<Guid>? StudentIds = null,
    SubmissionFormat ExpectedFormat = SubmissionFormat.TextOrFile,
    IReadOnlyList<string>? AllowedContentTypes = null,
    IReadOnlyList<Files.AttachedFile>? Documents = null) : IEstablishmentScoped;

public sealed record Homework(
    Guid Id, Guid EstablishmentId, Guid ClassId, Guid TeacherId, DateTimeOffset DueAt,
    IReadOnlyList<Guid> StudentIds, SubmissionFormat ExpectedFormat, IReadOnlyList<string> AllowedContentTypes)
{
    public static Homework Create(HomeworkAssigned e) => new(
        e.HomeworkId, e.EstablishmentId, e.ClassId, e.TeacherId, e.DueAt, e.StudentIds ?? [], e.ExpectedFormat,
        e.AllowedContentTypes is { Count: > 0 } types ? types : Files.FileContentTypes.All);

    public Homework Apply(HomeworkEdited e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return this with { DueAt = e.DueAt, ExpectedFormat = e.ExpectedFormat };
    }

    /// <summary>Whether the work is for this student, given whether they belong to the class or group it was set to.</summary>
    public bool IsFor(Guid studentId, bool inTeachingUnit) => inTeachingUnit && (StudentIds.Count == 0 || StudentIds.Contains(studentId));
}
