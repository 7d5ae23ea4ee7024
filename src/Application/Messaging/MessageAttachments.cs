using Marten;
using MonBureau.Application.Files;
using MonBureau.Domain.Files;
using MonBureau.Domain.Messaging;

namespace MonBureau.Application.Messaging;

internal static class MessageAttachments
{
    /// <summary>Gives each upload the id it will be stored under, before the decision names it.</summary>
    public static IReadOnlyList<(Guid FileId, UploadedFile File)> Number(IReadOnlyList<UploadedFile>? files) =>
        [.. (files ?? []).Select(f => (Guid.CreateVersion7(), f))];

    /// <summary>Stores the files of the posted message in the same transaction as its events.</summary>
    public static void Stage(FileStore files, IDocumentSession session, IEnumerable<object> events, IReadOnlyList<(Guid FileId, UploadedFile File)> uploads, DateTimeOffset now)
    {
        foreach (var posted in events.OfType<MessagePosted>().Where(p => p.Attachments is { Count: > 0 }))
            files.StageAll(session, posted.Attachments!, uploads.Select(u => u.File), posted.EstablishmentId, now);
    }
}
