using MonBureau.Domain.Common;
using MonBureau.Domain.Files;

namespace MonBureau.Domain.Messaging;

/// <param name="SendAt">A chosen sending time (envoi différé); now when omitted.</param>
/// <param name="ConcernsStudentId">For a confidential message: the student it is about.</param>
/// <param name="WorkspaceFileIds">Files of the sender's workspaces attached by reference (ADR 0031), counted with the uploads.</param>
public sealed record SendMessage(
    string Subject,
    string Body,
    IReadOnlyList<RecipientSelector> Recipients,
    bool Urgent = false,
    bool Confidential = false,
    Guid? ConcernsStudentId = null,
    DateTimeOffset? SendAt = null,
    IReadOnlyList<UploadedFile>? Attachments = null,
    IReadOnlyList<Guid>? WorkspaceFileIds = null) : Redacted;

/// <param name="RecipientIds">Some of the thread's participants; by default the author answers everyone and anyone else answers the author.</param>
public sealed record ReplyToThread(
    Guid ThreadId, string Body, IReadOnlyList<Guid>? RecipientIds = null, bool Urgent = false, DateTimeOffset? SendAt = null,
    IReadOnlyList<UploadedFile>? Attachments = null, IReadOnlyList<Guid>? WorkspaceFileIds = null) : Redacted, IThreadCommand;

/// <summary>A participant's action on one conversation.</summary>
public interface IThreadCommand
{
    Guid ThreadId { get; }
}

public sealed record RecallMessage(Guid ThreadId, Guid MessageId) : IThreadCommand;

public sealed record MarkThreadRead(Guid ThreadId) : IThreadCommand;

public sealed record ArchiveThread(Guid ThreadId, bool Archived = true) : IThreadCommand;

public sealed record DeleteThreadForMe(Guid ThreadId) : IThreadCommand;

public sealed record SetQuietHours(Guid EstablishmentId, TimeOnly Start, TimeOnly End, bool WholeWeekend);

public sealed record SetMessagingRules(Guid EstablishmentId, MessagingRules Rules);
