using MonBureau.Domain.Common;
using MonBureau.Domain.Files;

namespace MonBureau.Domain.Messaging;

/// <summary>The subject is the author's words, sealed under the author's key like the bodies.</summary>
/// <param name="ConcernsStudentId">For a confidential message, the student it is about: whose data every reading touches.</param>
public sealed record ThreadStarted(
    Guid ThreadId, Guid EstablishmentId, Guid AuthorId, PersonalData Subject, bool Confidential, Guid? ConcernsStudentId) : IEstablishmentScoped;

/// <summary>Recipients are resolved when the message is written: a class that changes later does not change who got it.</summary>
public sealed record MessagePosted(
    Guid ThreadId,
    Guid MessageId,
    Guid EstablishmentId,
    Guid AuthorId,
    Role AuthorRole,
    PersonalData Body,
    IReadOnlyList<Guid> RecipientIds,
    bool Urgent,
    DateTimeOffset PostedAt,
    DateTimeOffset DeliverAt,
    IReadOnlyList<AttachedFile>? Attachments = null) : IEstablishmentScoped;

/// <summary>Carries its author and recipients so what reacts to a delivery (notifications) needs nothing else.</summary>
public sealed record MessageDelivered(
    Guid ThreadId, Guid MessageId, Guid EstablishmentId, Guid AuthorId, IReadOnlyList<Guid> RecipientIds, DateTimeOffset DeliveredAt) : IEstablishmentScoped;

public sealed record MessageRead(Guid ThreadId, Guid MessageId, Guid EstablishmentId, Guid ReaderId, DateTimeOffset ReadAt) : IEstablishmentScoped;

public sealed record MessageRecalled(Guid ThreadId, Guid MessageId, Guid EstablishmentId, DateTimeOffset RecalledAt) : IEstablishmentScoped;

public sealed record ThreadArchived(Guid ThreadId, Guid EstablishmentId, Guid PersonId) : IEstablishmentScoped;

public sealed record ThreadUnarchived(Guid ThreadId, Guid EstablishmentId, Guid PersonId) : IEstablishmentScoped;

/// <summary>The conversation passed its retention: its texts and files are erased, its facts (who, when) remain.</summary>
public sealed record ThreadPurged(Guid ThreadId, Guid EstablishmentId, DateTimeOffset PurgedAt) : IEstablishmentScoped;

/// <summary>Deleted for one participant only: the others, and the record, keep it.</summary>
public sealed record ThreadDeletedForParticipant(Guid ThreadId, Guid EstablishmentId, Guid PersonId) : IEstablishmentScoped;
