using MonBureau.Domain.Common;

namespace MonBureau.Domain.Workspace;

/// <summary>
/// How much a tree may hold. A personal tree's limit follows its owner's profiles (the largest wins); a shared tree's
/// is its own, whoever uploads into it (a student's drop counts against the class, not against the student).
/// </summary>
public static class WorkspaceQuotas
{
    public const long MiB = 1024 * 1024;

    public const long Student = 100 * MiB;
    public const long Guardian = 20 * MiB;
    public const long Staff = 500 * MiB;
    public const long SharedUnit = 1024 * MiB;
    public const long SubjectTeam = 2048 * MiB;

    /// <param name="ownerRoles">For a personal tree, the owner's roles; ignored for shared trees.</param>
    public static long LimitOf(WorkspaceScope scope, IEnumerable<Role> ownerRoles)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(ownerRoles);
        return scope.Kind switch
        {
            WorkspaceScopeKind.Personal => ownerRoles.Select(r => r switch
            {
                Role.Student => Student,
                Role.Guardian => Guardian,
                _ => Staff,
            }).DefaultIfEmpty(Guardian).Max(),
            WorkspaceScopeKind.SubjectTeam => SubjectTeam,
            _ => SharedUnit,
        };
    }
}
