using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Resources;

public sealed record PublishResource(
    string Title, string Subject, string? Level, IReadOnlyList<string>? Tags, string Body, IReadOnlyList<Guid>? AttachmentIds, ResourceSharing Sharing);

public sealed record ReviseResource(
    Guid ResourceId, string Title, string Subject, string? Level, IReadOnlyList<string>? Tags, string Body, IReadOnlyList<Guid>? AttachmentIds, ResourceSharing Sharing);

public sealed record ArchiveResource(Guid ResourceId);

public static class ResourceDecisions
{
    public const int MaxTags = 20;
    public const int MaxAttachments = 20;

    public static ResourcePublished Publish(Guid newId, PublishResource command, Person teacher, Guid establishmentId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(teacher);
        if (!teacher.Holds(Role.Teacher, establishmentId))
            throw BusinessRuleException.Forbidden();
        var content = Content(command.Title, command.Subject, command.Level, command.Tags, command.Body, command.AttachmentIds, command.Sharing);
        return new ResourcePublished(newId, establishmentId, teacher.Id, content, now);
    }

    /// <summary>Only the author changes a resource; anyone else is told it does not exist.</summary>
    public static ResourceRevised Revise(ReviseResource command, Resource? resource, Guid actorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (resource is null || resource.AuthorId != actorId)
            throw BusinessRuleException.NotFound("Resource");
        if (resource.Archived)
            throw new BusinessRuleException(ErrorCodes.Conflict, "An archived resource cannot be changed.");
        var content = Content(command.Title, command.Subject, command.Level, command.Tags, command.Body, command.AttachmentIds, command.Sharing);
        return new ResourceRevised(resource.Id, resource.EstablishmentId, content, actorId, now);
    }

    /// <summary>The author archives their resource; direction may too, to take down something inappropriate.</summary>
    public static ResourceArchived Archive(Resource? resource, Guid actorId, Role role, Guid establishmentId, DateTimeOffset now)
    {
        if (resource is null || resource.EstablishmentId != establishmentId || !(resource.AuthorId == actorId || role == Role.Direction))
            throw BusinessRuleException.NotFound("Resource");
        if (resource.Archived)
            throw new BusinessRuleException(ErrorCodes.Conflict, "This resource is already archived.");
        return new ResourceArchived(resource.Id, resource.EstablishmentId, actorId, now);
    }

    private static ResourceContent Content(
        string title, string subject, string? level, IReadOnlyList<string>? tags, string body, IReadOnlyList<Guid>? attachmentIds, ResourceSharing sharing)
    {
        if (!Enum.IsDefined(sharing))
            throw BusinessRuleException.Invalid("Unknown sharing level.");
        var cleanTags = (tags ?? []).Select(t => Require.Text(t, "Tag", 50)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (cleanTags.Count > MaxTags)
            throw BusinessRuleException.Invalid($"A resource has at most {MaxTags} tags.");
        var attachments = (attachmentIds ?? []).Select(a => Require.Id(a, "Attachment")).Distinct().ToList();
        if (attachments.Count > MaxAttachments)
            throw BusinessRuleException.Invalid($"A resource has at most {MaxAttachments} attachments.");
        return new ResourceContent(
            Require.Text(title, "Title", 200),
            Require.Text(subject, "Subject", 100),
            string.IsNullOrWhiteSpace(level) ? null : Require.Text(level, "Level", 50),
            cleanTags,
            Require.Text(body, "Body", 100_000),
            attachments,
            sharing);
    }
}
