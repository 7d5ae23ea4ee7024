using MonBureau.Domain.Resources;

namespace MonBureau.Projections.Resources;

/// <summary>
/// Who reads the bank: they see their own resources, their establishment's shared ones and, as a teacher, those
/// shared with the team of a subject they teach (<paramref name="TeamSubjects"/>, empty for other profiles).
/// </summary>
public sealed record ResourceReader(Guid PersonId, Guid EstablishmentId, IReadOnlyCollection<string> TeamSubjects)
{
    public bool MaySee(ResourceView resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (resource.Archived || resource.EstablishmentId != EstablishmentId)
            return false;
        return resource.AuthorId == PersonId || resource.Sharing switch
        {
            ResourceSharing.Establishment => true,
            ResourceSharing.SubjectTeam => TeamSubjects.Contains(resource.Subject.Trim(), StringComparer.OrdinalIgnoreCase),
            _ => false,
        };
    }
}
