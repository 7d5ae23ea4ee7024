namespace MonBureau.Domain.Projects;

/// <summary>A project for classes and groups the coordinator teaches (at least one), with co-teachers of the establishment.</summary>
public sealed record CreateProject(
    string Title, IReadOnlyList<string> Subjects, string? Description, IReadOnlyList<Guid>? ClassIds, IReadOnlyList<Guid>? GroupIds,
    IReadOnlyList<Guid>? CoTeacherIds) : Common.Redacted;

public sealed record AddMilestone(Guid ProjectId, string Title, DateTimeOffset DueAt);

public sealed record MoveMilestone(Guid ProjectId, Guid MilestoneId, DateTimeOffset DueAt);

public sealed record CancelMilestone(Guid ProjectId, Guid MilestoneId);
