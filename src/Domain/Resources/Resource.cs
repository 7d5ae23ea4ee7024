using MonBureau.Domain.Common;

namespace MonBureau.Domain.Resources;

/// <summary>Who sees a resource: its author only, the teachers of its subject in the establishment (équipe disciplinaire), or everyone there.</summary>
public enum ResourceSharing
{
    Teacher,
    SubjectTeam,
    Establishment,
}

/// <summary>
/// Pedagogical content, not personal data (ADR 0016): stored plain so PostgreSQL can index it for search.
/// Attachments are ids of files in the file store.
/// </summary>
public sealed record ResourceContent(
    string Title, string Subject, string? Level, IReadOnlyList<string> Tags, string Body, IReadOnlyList<Guid> AttachmentIds, ResourceSharing Sharing);

public sealed record ResourcePublished(Guid ResourceId, Guid EstablishmentId, Guid AuthorId, ResourceContent Content, DateTimeOffset PublishedAt) : IEstablishmentScoped;

public sealed record ResourceRevised(Guid ResourceId, Guid EstablishmentId, ResourceContent Content, Guid RevisedBy, DateTimeOffset RevisedAt) : IEstablishmentScoped;

/// <summary>Archived rather than deleted: it leaves searches and lists, and its history stays.</summary>
public sealed record ResourceArchived(Guid ResourceId, Guid EstablishmentId, Guid ArchivedBy, DateTimeOffset ArchivedAt) : IEstablishmentScoped;

public sealed record Resource(Guid Id, Guid EstablishmentId, Guid AuthorId, bool Archived)
{
    public static Resource Create(ResourcePublished e) => new(e.ResourceId, e.EstablishmentId, e.AuthorId, false);

    public Resource Apply(ResourceArchived e) => this with { Archived = true };
}
