namespace MonBureau.Domain.Messaging;

public sealed record ThreadMessage(
    Guid Id, Guid AuthorId, IReadOnlyList<Guid> RecipientIds, DateTimeOffset DeliverAt, DateTimeOffset? DeliveredAt,
    DateTimeOffset? RecalledAt, IReadOnlyList<Guid> ReadBy)
{
    public bool IsLive => DeliveredAt is not null && RecalledAt is null;

    /// <summary>The author always sees their own message; a recipient once it is delivered and unless it was recalled.</summary>
    public bool VisibleTo(Guid personId) => AuthorId == personId || (IsLive && RecipientIds.Contains(personId));
}

/// <summary>Write-side state of a conversation: who wrote what to whom, and where each message stands.</summary>
public sealed record MessageThread(
    Guid Id, Guid EstablishmentId, Guid AuthorId, bool Confidential, Guid? ConcernsStudentId, IReadOnlyList<ThreadMessage> Messages,
    IReadOnlyList<Guid> DeletedFor, DateTimeOffset LastActivityAt = default, bool Purged = false, IReadOnlyList<Guid>? FileIds = null)
{
    public static MessageThread Create(ThreadStarted e) => new(e.ThreadId, e.EstablishmentId, e.AuthorId, e.Confidential, e.ConcernsStudentId, [], []);

    public MessageThread Apply(MessagePosted e) => this with
    {
        Messages = [.. Messages, new ThreadMessage(e.MessageId, e.AuthorId, e.RecipientIds, e.DeliverAt, null, null, [])],
        LastActivityAt = e.DeliverAt > e.PostedAt ? e.DeliverAt : e.PostedAt,
        FileIds = [.. FileIds ?? [], .. (e.Attachments ?? []).Select(a => a.FileId)],
    };

    public MessageThread Apply(ThreadPurged e) => this with { Purged = true };

    /// <summary>A new message brings the conversation back for recipients who had deleted it.</summary>
    public MessageThread Apply(MessageDelivered e)
    {
        var delivered = With(e.MessageId, m => m with { DeliveredAt = e.DeliveredAt });
        var recipients = delivered.Message(e.MessageId)?.RecipientIds ?? [];
        return delivered with { DeletedFor = [.. DeletedFor.Where(id => !recipients.Contains(id))] };
    }

    public MessageThread Apply(MessageRecalled e) => With(e.MessageId, m => m with { RecalledAt = e.RecalledAt });

    public MessageThread Apply(MessageRead e) => With(e.MessageId, m => m with { ReadBy = [.. m.ReadBy, e.ReaderId] });

    public MessageThread Apply(ThreadDeletedForParticipant e) => this with { DeletedFor = [.. DeletedFor, e.PersonId] };

    public ThreadMessage? Message(Guid messageId) => Messages.FirstOrDefault(m => m.Id == messageId);

    public bool IsParticipant(Guid personId) => !DeletedFor.Contains(personId) && Messages.Any(m => m.VisibleTo(personId));

    /// <summary>Everyone the conversation has reached or come from, in the order they joined it.</summary>
    public IReadOnlyList<Guid> Participants() =>
        [.. Messages.Where(m => m.IsLive).SelectMany(m => m.RecipientIds.Prepend(m.AuthorId)).Prepend(AuthorId).Distinct()];

    private MessageThread With(Guid messageId, Func<ThreadMessage, ThreadMessage> change) =>
        this with { Messages = [.. Messages.Select(m => m.Id == messageId ? change(m) : m)] };
}
