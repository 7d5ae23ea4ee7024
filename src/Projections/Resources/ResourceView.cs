using Marten.Events.Aggregation;
using MonBureau.Domain.Resources;

namespace MonBureau.Projections.Resources;

/// <summary>A resource of the bank (banque de ressources); <see cref="ResourceSearch"/> indexes its text.</summary>
public sealed class ResourceView
{
    public Guid Id { get; set; }
    public Guid EstablishmentId { get; set; }
    public Guid AuthorId { get; set; }
    public string Title { get; set; } = "";
    public string Subject { get; set; } = "";
    public string? Level { get; set; }
    public List<string> Tags { get; set; } = [];
    public string Body { get; set; } = "";
    public List<Guid> AttachmentIds { get; set; } = [];
    public ResourceSharing Sharing { get; set; }
    public bool Archived { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public partial class ResourceViewProjection : SingleStreamProjection<ResourceView, Guid>
{
    public static ResourceView Create(ResourcePublished e)
    {
        var view = new ResourceView { Id = e.ResourceId, EstablishmentId = e.EstablishmentId, AuthorId = e.AuthorId, PublishedAt = e.PublishedAt };
        Fill(view, e.Content, e.PublishedAt);
        return view;
    }

    public void Apply(ResourceRevised e, ResourceView view) => Fill(view, e.Content, e.RevisedAt);

    public void Apply(ResourceArchived e, ResourceView view)
    {
        view.Archived = true;
        view.UpdatedAt = e.ArchivedAt;
    }

    private static void Fill(ResourceView view, ResourceContent content, DateTimeOffset at)
    {
        view.Title = content.Title;
        view.Subject = content.Subject;
        view.Level = content.Level;
        view.Tags = [.. content.Tags];
        view.Body = content.Body;
        view.AttachmentIds = [.. content.AttachmentIds];
        view.Sharing = content.Sharing;
        view.UpdatedAt = at;
    }
}
