using MonBureau.Domain.Common;

namespace MonBureau.Domain.Workspace;

/// <summary>Whose folders these are: one person's, a class's, a group's, the teachers of one subject (équipe disciplinaire), or an interdisciplinary project's.</summary>
public enum WorkspaceScopeKind
{
    Personal,
    Class,
    Group,
    SubjectTeam,
    Project,
}

/// <summary>
/// One tree of folders (espace de travail). <c>Id</c> is the person, the class, the group or the project; for a subject team it is
/// derived from the establishment and the subject, so the team's tree needs no creation step. The root of every tree
/// is virtual: its id is derived too (<see cref="RootFolderId"/>), and folders and files at the top name it as parent.
/// </summary>
public sealed record WorkspaceScope(WorkspaceScopeKind Kind, Guid Id, Guid EstablishmentId, string? Subject = null)
{
    public static WorkspaceScope Personal(Guid personId, Guid establishmentId) => new(WorkspaceScopeKind.Personal, personId, establishmentId);

    public static WorkspaceScope Class(Guid classId, Guid establishmentId) => new(WorkspaceScopeKind.Class, classId, establishmentId);

    public static WorkspaceScope Group(Guid groupId, Guid establishmentId) => new(WorkspaceScopeKind.Group, groupId, establishmentId);

    public static WorkspaceScope Project(Guid projectId, Guid establishmentId) => new(WorkspaceScopeKind.Project, projectId, establishmentId);

    public static WorkspaceScope SubjectTeam(Guid establishmentId, string subject)
    {
        var name = WorkspaceNames.Subject(subject);
        return new(WorkspaceScopeKind.SubjectTeam, NameBasedId.From($"workspace/subject-team/{establishmentId}/{name.ToUpperInvariant()}"), establishmentId, name);
    }

    /// <summary>The virtual top folder of the tree; a personal tree is the same in every establishment the person belongs to.</summary>
    public Guid RootFolderId => NameBasedId.From($"workspace/root/{Kind}/{Id}");

    /// <summary>Whether two scopes are the same tree (the establishment of a personal tree is where it was used, not part of its identity).</summary>
    public bool SameTree(WorkspaceScope other) => other is not null && other.Kind == Kind && other.Id == Id;
}

/// <summary>What a person may do in one folder: nothing, drop files they alone (and the teachers) see, read, or read and write.</summary>
public enum WorkspaceAccess
{
    None,
    Drop,
    Read,
    Write,
}

/// <summary>
/// A person as the workspace sees them: the shared trees they lead (a teacher's classes, groups and subject teams) and
/// those they follow (a student's class and groups). Computed by <see cref="WorkspaceScopes.Of"/>.
/// </summary>
public sealed record WorkspaceViewer(Guid PersonId, Guid EstablishmentId, IReadOnlyList<WorkspaceScope> Leads, IReadOnlyList<WorkspaceScope> Follows)
{
    public WorkspaceScope PersonalScope => WorkspaceScope.Personal(PersonId, EstablishmentId);

    /// <summary>Every tree the person sees: their own first, then the shared ones.</summary>
    public IReadOnlyList<WorkspaceScope> Trees => [PersonalScope, .. Leads, .. Follows.Where(f => !Leads.Any(l => l.SameTree(f)))];
}

/// <summary>Which shared trees a person belongs to, from their profile in the establishment (the one place a new kind of tree is added).</summary>
public static class WorkspaceScopes
{
    /// <param name="classId">The student's class, if they are a student there.</param>
    /// <param name="groupIds">The groups the student belongs to.</param>
    /// <param name="teachings">What the person teaches there: unit and subject, with whether the unit is a group.</param>
    /// <param name="projects">The establishment's projects: their coordinator and co-teachers lead the project's tree, the students of its classes and groups follow it.</param>
    public static WorkspaceViewer Of(
        Guid personId, Guid establishmentId, Guid? classId, IReadOnlyCollection<Guid> groupIds,
        IReadOnlyCollection<(Guid UnitId, bool IsGroup, string Subject)> teachings, IReadOnlyCollection<Projects.Project> projects)
    {
        ArgumentNullException.ThrowIfNull(groupIds);
        ArgumentNullException.ThrowIfNull(teachings);
        ArgumentNullException.ThrowIfNull(projects);
        var inEstablishment = projects.Where(p => p.EstablishmentId == establishmentId).ToList();
        var leads = teachings
            .Select(t => t.IsGroup ? WorkspaceScope.Group(t.UnitId, establishmentId) : WorkspaceScope.Class(t.UnitId, establishmentId))
            .Concat(teachings.Select(t => WorkspaceScope.SubjectTeam(establishmentId, t.Subject)))
            .Concat(inEstablishment.Where(p => p.Teachers().Contains(personId)).Select(p => WorkspaceScope.Project(p.Id, establishmentId)))
            .DistinctBy(s => (s.Kind, s.Id))
            .ToList();
        HashSet<Guid> units = [.. classId is { } own ? [own] : Array.Empty<Guid>(), .. groupIds];
        var follows = (classId is { } c ? [WorkspaceScope.Class(c, establishmentId)] : Array.Empty<WorkspaceScope>())
            .Concat(groupIds.Select(g => WorkspaceScope.Group(g, establishmentId)))
            .Concat(inEstablishment.Where(p => p.Units().Overlaps(units)).Select(p => WorkspaceScope.Project(p.Id, establishmentId)))
            .Distinct()
            .ToList();
        return new WorkspaceViewer(personId, establishmentId, leads, follows);
    }

    /// <summary>
    /// The rule of every folder: the owner writes their personal tree and the people they shared a folder with read it;
    /// the teachers of a class, group, subject or project write its tree; its students read it, except in a drop box (dépôt),
    /// where they drop files that only they and the teachers see.
    /// </summary>
    public static WorkspaceAccess AccessTo(WorkspaceViewer viewer, WorkspaceScope scope, bool inDropBox, IReadOnlyCollection<Guid> sharedWith)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(sharedWith);
        if (scope.Kind == WorkspaceScopeKind.Personal)
        {
            if (scope.Id == viewer.PersonId)
                return WorkspaceAccess.Write;
            return sharedWith.Contains(viewer.PersonId) && scope.EstablishmentId == viewer.EstablishmentId ? WorkspaceAccess.Read : WorkspaceAccess.None;
        }

        if (viewer.Leads.Any(scope.SameTree))
            return WorkspaceAccess.Write;
        if (viewer.Follows.Any(scope.SameTree))
            return inDropBox ? WorkspaceAccess.Drop : WorkspaceAccess.Read;
        return WorkspaceAccess.None;
    }
}
