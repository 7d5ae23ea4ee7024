using MonBureau.Domain.Common;

namespace MonBureau.Domain.Projects;

/// <summary>
/// An interdisciplinary project (EPI, projet interdisciplinaire) for classes and groups its coordinator teaches, with
/// co-teachers. The description is the coordinator's free text, sealed under their key.
/// </summary>
public sealed record ProjectCreated(
    Guid ProjectId, Guid EstablishmentId, Guid CoordinatorId, string Title, IReadOnlyList<string> Subjects, PersonalData? Description,
    IReadOnlyList<Guid> ClassIds, IReadOnlyList<Guid> GroupIds, IReadOnlyList<Guid> CoTeacherIds, DateTimeOffset CreatedAt) : IEstablishmentScoped;

/// <summary>A milestone (jalon), on the agenda of each of the project's classes and groups as <c>AgendaEventIds</c>.</summary>
public sealed record MilestoneAdded(
    Guid ProjectId, Guid MilestoneId, Guid EstablishmentId, string Title, DateTimeOffset DueAt, IReadOnlyList<Guid> AgendaEventIds, Guid AddedBy,
    DateTimeOffset AddedAt) : IEstablishmentScoped;

/// <summary>The milestone's agenda entries were revised to the new date in the same transaction.</summary>
public sealed record MilestoneMoved(Guid ProjectId, Guid MilestoneId, Guid EstablishmentId, DateTimeOffset DueAt, Guid MovedBy, DateTimeOffset MovedAt)
    : IEstablishmentScoped;

/// <summary>The milestone's agenda entries were cancelled in the same transaction (they stay there marked cancelled, as the agenda does).</summary>
public sealed record MilestoneCancelled(Guid ProjectId, Guid MilestoneId, Guid EstablishmentId, Guid CancelledBy, DateTimeOffset CancelledAt)
    : IEstablishmentScoped;

public sealed record Milestone(Guid Id, string Title, DateTimeOffset DueAt, IReadOnlyList<Guid> AgendaEventIds, bool Cancelled);

public sealed record Project(
    Guid Id, Guid EstablishmentId, Guid CoordinatorId, string Title, IReadOnlyList<Guid> ClassIds, IReadOnlyList<Guid> GroupIds,
    IReadOnlyList<Guid> CoTeacherIds, IReadOnlyList<Milestone> Milestones)
{
    public static Project Create(ProjectCreated e) =>
        new(e.ProjectId, e.EstablishmentId, e.CoordinatorId, e.Title, e.ClassIds, e.GroupIds, e.CoTeacherIds, []);

    public Project Apply(MilestoneAdded e) =>
        this with { Milestones = [.. Milestones, new Milestone(e.MilestoneId, e.Title, e.DueAt, e.AgendaEventIds, false)] };

    public Project Apply(MilestoneMoved e) => With(e.MilestoneId, m => m with { DueAt = e.DueAt });

    public Project Apply(MilestoneCancelled e) => With(e.MilestoneId, m => m with { Cancelled = true });

    /// <summary>The classes and groups whose students take part.</summary>
    public IReadOnlySet<Guid> Units() => new HashSet<Guid>([.. ClassIds, .. GroupIds]);

    /// <summary>The coordinator and the co-teachers.</summary>
    public IReadOnlySet<Guid> Teachers() => new HashSet<Guid>([CoordinatorId, .. CoTeacherIds]);

    private Project With(Guid milestoneId, Func<Milestone, Milestone> change) =>
        this with { Milestones = [.. Milestones.Select(m => m.Id == milestoneId ? change(m) : m)] };
}
