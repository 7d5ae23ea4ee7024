using MonBureau.Domain.Common;
using MonBureau.Domain.Files;

namespace MonBureau.Projections.Messaging;

/// <summary>One conversation as its participants see it; each reader sees only the messages meant for them.</summary>
public sealed class MessageThreadView
{
    public Guid Id { get; set; }
    public Guid EstablishmentId { get; set; }
    public Guid AuthorId { get; set; }
    public PersonalData Subject { get; set; } = null!;
    public bool Confidential { get; set; }
    public Guid? ConcernsStudentId { get; set; }
    public List<MessageView> Messages { get; set; } = [];

    /// <summary>Who finds the thread in their inbox: authors, and recipients of a delivered message, unless they deleted it.</summary>
    public List<Guid> VisibleTo { get; set; } = [];

    /// <summary>When each family's message to a teacher got that teacher's first answer: what the response-delay indicator reads.</summary>
    public List<FirstReply> FirstReplies { get; set; } = [];

    /// <summary>Every file attached in the thread, so a file finds its thread in one query.</summary>
    public List<Guid> AttachmentIds { get; set; } = [];

    public List<Guid> ArchivedBy { get; set; } = [];
    public List<Guid> DeletedFor { get; set; } = [];
    public DateTimeOffset LastActivityAt { get; set; }

    public IEnumerable<MessageView> MessagesFor(Guid personId) => Messages.Where(m => m.VisibleTo(personId));

    public int UnreadFor(Guid personId) => Messages.Count(m => m.IsLive && m.Recipients.Any(r => r.PersonId == personId && r.ReadAt is null));
}

public sealed class MessageView
{
    public Guid Id { get; set; }
    public Guid AuthorId { get; set; }
    public Role AuthorRole { get; set; }
    public PersonalData Body { get; set; } = null!;
    public List<MessageReceipt> Recipients { get; set; } = [];
    public List<AttachedFile> Attachments { get; set; } = [];
    public bool Urgent { get; set; }
    public DateTimeOffset PostedAt { get; set; }
    public DateTimeOffset DeliverAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset? RecalledAt { get; set; }

    public bool IsLive => DeliveredAt is not null && RecalledAt is null;

    public bool VisibleTo(Guid personId) => AuthorId == personId || (IsLive && Recipients.Any(r => r.PersonId == personId));
}

/// <summary>A read receipt (accusé de lecture): when this recipient first opened the message.</summary>
public sealed class MessageReceipt
{
    public Guid PersonId { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>A guardian's message, delivered at <see cref="AskedAt"/>, and the first answer by one of the teachers it went to.</summary>
public sealed class FirstReply
{
    public Guid GuardianMessageId { get; set; }
    public Guid GuardianId { get; set; }
    public Guid TeacherId { get; set; }
    public DateTimeOffset AskedAt { get; set; }
    public DateTimeOffset AnsweredAt { get; set; }
}
