using MonBureau.Domain.Common;

namespace MonBureau.Domain.Forums;

/// <summary>What someone may do in a forum: nothing (it does not exist for them), take part, or moderate.</summary>
public enum ForumStanding
{
    None,
    Member,
    Moderator,
}

/// <summary>
/// Who asks in a collaboration space (forum or project): a profile they hold and the units it ties them to (the
/// classes and groups a teacher teaches; a student's class and groups).
/// </summary>
public sealed record Visitor(Guid PersonId, Role Role, Guid EstablishmentId, IReadOnlySet<Guid> Units);

/// <summary>
/// Who a forum is for: the classes and groups whose students take part (the unit itself, or a project's units), and
/// for a project forum its teachers (coordinator and co-teachers), who moderate it whatever they teach.
/// </summary>
public sealed record ForumAudience(IReadOnlySet<Guid> Units, IReadOnlySet<Guid> ProjectTeachers)
{
    public static ForumAudience OfUnit(Guid unitId) => new(new HashSet<Guid> { unitId }, new HashSet<Guid>());
}

public static class ForumStandings
{
    /// <summary>
    /// Moderators: the direction, whoever opened the forum, the teachers of its class or group (the project's teachers
    /// for a project forum). Members: the students of its units. Nobody else — not guardians, not other classes.
    /// </summary>
    public static ForumStanding Of(Forum forum, ForumAudience audience, Visitor visitor)
    {
        ArgumentNullException.ThrowIfNull(forum);
        ArgumentNullException.ThrowIfNull(audience);
        ArgumentNullException.ThrowIfNull(visitor);
        if (visitor.EstablishmentId != forum.EstablishmentId)
            return ForumStanding.None;
        return visitor.Role switch
        {
            Role.Direction => ForumStanding.Moderator,
            Role.Teacher or Role.SchoolLifeOffice when visitor.PersonId == forum.OpenedBy => ForumStanding.Moderator,
            Role.Teacher when TeachesFor(forum.Scope, audience, visitor) => ForumStanding.Moderator,
            Role.Student when audience.Units.Overlaps(visitor.Units) => ForumStanding.Member,
            _ => ForumStanding.None,
        };
    }

    /// <summary>Whether the visitor may open a forum for that audience: as a moderator of it would be.</summary>
    public static bool MayOpen(ForumScope scope, ForumAudience audience, Visitor visitor)
    {
        ArgumentNullException.ThrowIfNull(audience);
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Role switch
        {
            Role.Direction => true,
            Role.SchoolLifeOffice => scope != ForumScope.Project,
            Role.Teacher => TeachesFor(scope, audience, visitor),
            _ => false,
        };
    }

    /// <summary>A teacher of the class or group; for a project, one of the project's teachers.</summary>
    private static bool TeachesFor(ForumScope scope, ForumAudience audience, Visitor visitor) =>
        scope == ForumScope.Project ? audience.ProjectTeachers.Contains(visitor.PersonId) : audience.Units.Overlaps(visitor.Units);
}
