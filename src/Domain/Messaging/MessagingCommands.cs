using MonBureau.Domain.Common;

namespace MonBureau.Domain.Messaging;

/// <param name="SendAt">A chosen sending time (envoi différé); now when omitted.</param>
/// <param name="ConcernsStudentId">For a confidential message: the student it is about.</param>
public sealed record SendMessage(
    string Subject,
    string Body,
    IReadOnlyList<RecipientSelector> Recipients,
    bool Urgent = false,
    bool Confidential = false,
    Guid? ConcernsStudentId = null,
    DateTimeOffset? SendAt = null) : Redacted;

/// <param name="RecipientIds">Some of the thread's participants; by default the author answers everyone and anyone else answers the author.</param>
public sealed record ReplyToThread(
    Guid ThreadId, string Body, IReadOnlyList<Guid>? RecipientIds = null, bool Urgent = false, DateTimeOffset? SendAt = null) : Redacted;

public sealed record RecallMessage(Guid ThreadId, Guid MessageId);

public sealed record MarkThreadRead(Guid ThreadId);

public sealed record ArchiveThread(Guid ThreadId, bool Archived = true);

public sealed record DeleteThreadForMe(Guid ThreadId);

public sealed record SetQuietHours(Guid EstablishmentId, TimeOnly Start, TimeOnly End, bool WholeWeekend);

public sealed record SetMessagingRules(Guid EstablishmentId, MessagingRules Rules);
