using Marten.Events.Aggregation;
using MonBureau.Domain.Common;
using MonBureau.Domain.Projects;

namespace MonBureau.Projections.Projects;

/// <summary>A milestone (jalon) with its agenda entries; a cancelled one stays, marked cancelled, like the agenda's.</summary>
public sealed class MilestoneView
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public DateTimeOffset DueAt { get; set; }
    public List<Guid> AgendaEventIds { get; set; } = [];
    public DateTimeOffset? CancelledAt { get; set; }
}

/// <summary>An interdisciplinary project (EPI) as its participants see it.</summary>
public sealed class ProjectView
{
    public Guid Id { get; set; }
    public Guid EstablishmentId { get; set; }
    public Guid CoordinatorId { get; set; }
    public string Title { get; set; } = "";
    public List<string> Subjects { get; set; } = [];
    public PersonalData? Description { get; set; }
    public List<Guid> ClassIds { get; set; } = [];
    public List<Guid> GroupIds { get; set; } = [];
    public List<Guid> CoTeacherIds { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public List<MilestoneView> Milestones { get; set; } = [];
}

public partial class ProjectViewProjection : SingleStreamProjection<ProjectView, Guid>
{
    public static ProjectView Create(ProjectCreated e) => new()
    {
        Id = e.ProjectId,
        EstablishmentId = e.EstablishmentId,
        CoordinatorId = e.CoordinatorId,
        Title = e.Title,
        Subjects = [.. e.Subjects],
        Description = e.Description,
        ClassIds = [.. e.ClassIds],
        GroupIds = [.. e.GroupIds],
        CoTeacherIds = [.. e.CoTeacherIds],
        CreatedAt = e.CreatedAt,
    };

    public static void Apply(MilestoneAdded e, ProjectView view)
    {
        view.Milestones.Add(new MilestoneView { Id = e.MilestoneId, Title = e.Title, DueAt = e.DueAt, AgendaEventIds = [.. e.AgendaEventIds] });
        Order(view);
    }

    public static void Apply(MilestoneMoved e, ProjectView view)
    {
        if (view.Milestones.Find(m => m.Id == e.MilestoneId) is { } milestone)
            milestone.DueAt = e.DueAt;
        Order(view);
    }

    public static void Apply(MilestoneCancelled e, ProjectView view)
    {
        if (view.Milestones.Find(m => m.Id == e.MilestoneId) is { } milestone)
            milestone.CancelledAt = e.CancelledAt;
    }

    private static void Order(ProjectView view) => view.Milestones.Sort((a, b) => a.DueAt.CompareTo(b.DueAt));
}
