using MonBureau.Domain.Common;

namespace MonBureau.Domain.Homework;

/// <summary>Instructions are the teacher's free text, so they are sealed under the teacher's key.</summary>
public sealed record HomeworkAssigned(
    Guid HomeworkId,
    Guid EstablishmentId,
    Guid ClassId,
    Guid TeacherId,
    string Subject,
    string Title,
    PersonalData Instructions,
    DateTimeOffset DueAt,
    DateTimeOffset AssignedAt) : IEstablishmentScoped;

public sealed record Homework(Guid Id, Guid ClassId, Guid TeacherId, DateTimeOffset DueAt)
{
    public static Homework Create(HomeworkAssigned e) => new(e.HomeworkId, e.ClassId, e.TeacherId, e.DueAt);
}
