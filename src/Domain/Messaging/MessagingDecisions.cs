using MonBureau.Domain.Common;
using MonBureau.Domain.Files;

namespace MonBureau.Domain.Messaging;

/// <summary>Where an establishment's messages stand: its settings and its local time zone.</summary>
public sealed record MessagingContext(MessagingSettings Settings, TimeZoneInfo Zone);

public static class MessagingDecisions
{
    public const int MaxRecipients = 5_000;

    public const int MaxAttachments = 5;

    /// <summary>Long enough to notice a mistake, short enough that nobody relies on a message that then disappears.</summary>
    public static readonly TimeSpan RecallWindow = TimeSpan.FromMinutes(15);

    public static IReadOnlyList<object> Send(
        Guid threadId, Guid messageId, SendMessage command, Sender sender, MessagingDirectory directory,
        IReadOnlyDictionary<RecipientSelector, IReadOnlyList<Guid>> audiences, MessagingContext context, DateTimeOffset now,
        IReadOnlyList<(Guid FileId, UploadedFile File)>? uploads = null, IReadOnlyList<AttachedFile>? referenced = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(audiences);
        ArgumentNullException.ThrowIfNull(context);
        var subject = Require.Text(command.Subject, "Subject", 200);
        if (command.Recipients is not { Count: > 0 } selectors)
            throw BusinessRuleException.Invalid("Choose at least one recipient.");
        if (command.Confidential && selectors.Any(s => s.IsBroadcast))
            throw BusinessRuleException.Invalid("A confidential message goes to named people only, never to a class, a group or a role.");
        if (command.ConcernsStudentId is not null && !command.Confidential)
            throw BusinessRuleException.Invalid("Only a confidential message names the student it concerns.");

        var recipients = new List<Guid>();
        foreach (var selector in selectors.Distinct())
            recipients.AddRange(Resolve(selector, sender, directory, audiences, context.Settings.Rules));

        var started = new ThreadStarted(threadId, sender.EstablishmentId, sender.Id, PersonalData.Of(sender.Id, subject), command.Confidential, command.ConcernsStudentId);
        return [started, .. Post(threadId, messageId, command.Body, recipients, command.Urgent, command.SendAt, uploads ?? [], referenced ?? [], sender, context, now)];
    }

    public static IReadOnlyList<object> Reply(
        Guid messageId, ReplyToThread command, MessageThread? thread, Sender sender, MessagingContext context, DateTimeOffset now,
        IReadOnlyList<(Guid FileId, UploadedFile File)>? uploads = null, IReadOnlyList<AttachedFile>? referenced = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(context);
        if (thread is null || !thread.IsParticipant(sender.Id))
            throw BusinessRuleException.NotFound("Thread");
        var participants = thread.Participants();
        IReadOnlyList<Guid> recipients = command.RecipientIds is { Count: > 0 } chosen
            ? chosen.All(participants.Contains) ? chosen : throw BusinessRuleException.Invalid("A reply goes to people already in the conversation.")
            : sender.Id == thread.AuthorId ? participants : [thread.AuthorId];
        return Post(thread.Id, messageId, command.Body, recipients, command.Urgent, command.SendAt, uploads ?? [], referenced ?? [], sender, context, now);
    }

    /// <summary>A message being held (quiet hours, chosen time) is delivered once, when its time has come by the business clock.</summary>
    public static IReadOnlyList<object> Deliver(MessageThread? thread, Guid messageId, DateTimeOffset now)
    {
        var message = thread?.Message(messageId);
        if (thread is null || message is null || message.DeliveredAt is not null || message.RecalledAt is not null || now < message.DeliverAt)
            return [];
        return [new MessageDelivered(thread.Id, messageId, thread.EstablishmentId, message.AuthorId, message.RecipientIds, now)];
    }

    /// <summary>The author takes a message back: any time before it is delivered, shortly after if nobody has read it yet.</summary>
    public static MessageRecalled Recall(MessageThread? thread, Guid messageId, Guid actorId, DateTimeOffset now)
    {
        var message = thread?.Message(messageId);
        if (thread is null || message is null || !thread.IsParticipant(actorId))
            throw BusinessRuleException.NotFound("Message");
        if (message.AuthorId != actorId)
            throw BusinessRuleException.Forbidden();
        if (message.RecalledAt is not null)
            throw new BusinessRuleException(ErrorCodes.Conflict, "This message was already recalled.");
        if (message.ReadBy.Count > 0)
            throw new BusinessRuleException(ErrorCodes.Conflict, "This message has already been read: it can no longer be recalled.");
        if (message.DeliveredAt is { } delivered && now - delivered > RecallWindow)
            throw new BusinessRuleException(ErrorCodes.Conflict, $"A message can be recalled only in the {RecallWindow.TotalMinutes:0} minutes after it is delivered.");
        return new MessageRecalled(thread.Id, messageId, thread.EstablishmentId, now);
    }

    /// <summary>A receipt per delivered message the reader had not read yet; reading again records nothing new.</summary>
    public static IReadOnlyList<MessageRead> MarkRead(MessageThread? thread, Guid readerId, DateTimeOffset now)
    {
        if (thread is null || !thread.IsParticipant(readerId))
            throw BusinessRuleException.NotFound("Thread");
        return [.. thread.Messages
            .Where(m => m.IsLive && m.RecipientIds.Contains(readerId) && !m.ReadBy.Contains(readerId))
            .Select(m => new MessageRead(thread.Id, m.Id, thread.EstablishmentId, readerId, now))];
    }

    public static object Archive(MessageThread? thread, Guid personId, bool archived) =>
        thread is not null && thread.IsParticipant(personId)
            ? archived ? new ThreadArchived(thread.Id, thread.EstablishmentId, personId) : new ThreadUnarchived(thread.Id, thread.EstablishmentId, personId)
            : throw BusinessRuleException.NotFound("Thread");

    public static ThreadDeletedForParticipant DeleteFor(MessageThread? thread, Guid personId) =>
        thread is not null && thread.IsParticipant(personId)
            ? new ThreadDeletedForParticipant(thread.Id, thread.EstablishmentId, personId)
            : throw BusinessRuleException.NotFound("Thread");

    public static QuietHoursSet SetQuietHours(SetQuietHours command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new QuietHoursSet(command.EstablishmentId, new QuietHours(command.Start, command.End, command.WholeWeekend));
    }

    private static IEnumerable<Guid> Resolve(
        RecipientSelector selector, Sender sender, MessagingDirectory directory,
        IReadOnlyDictionary<RecipientSelector, IReadOnlyList<Guid>> audiences, MessagingRules rules)
    {
        if (selector.Kind == RecipientKind.Person)
        {
            var person = selector.Id is { } id ? directory.Find(id) : null;
            if (person is null || !person.Profiles.Any(p => p.EstablishmentId == sender.EstablishmentId))
                throw BusinessRuleException.NotFound("Recipient");
            return person.Id == sender.Id || WhoMayWrite.MayWriteTo(sender, person, rules, directory)
                ? [person.Id]
                : throw new BusinessRuleException(ErrorCodes.RecipientNotAllowed, $"You may not write to recipient {person.Id} in this establishment.");
        }

        if (!WhoMayWrite.MaySelect(sender, selector, rules))
            throw new BusinessRuleException(ErrorCodes.RecipientNotAllowed, $"You may not write to this audience ({selector.Kind}).");
        return audiences.TryGetValue(selector, out var members) ? members : throw BusinessRuleException.NotFound(selector.Kind.ToString());
    }

    private static IReadOnlyList<object> Post(
        Guid threadId, Guid messageId, string body, IEnumerable<Guid> recipients, bool urgent, DateTimeOffset? sendAt,
        IReadOnlyList<(Guid FileId, UploadedFile File)> uploads, IReadOnlyList<AttachedFile> referenced, Sender sender, MessagingContext context, DateTimeOffset now)
    {
        var text = Require.Text(body, "Body", 20_000);
        Guid[] to = [.. recipients.Where(r => r != sender.Id).Distinct()];
        if (to.Length == 0)
            throw BusinessRuleException.Invalid("The chosen recipients include nobody but you.");
        if (to.Length > MaxRecipients)
            throw BusinessRuleException.Invalid($"A message reaches at most {MaxRecipients} people; choose smaller audiences.");
        if (urgent && sender.Role is not (Role.SchoolLifeOffice or Role.Direction or Role.EstablishmentAdministrator))
            throw new BusinessRuleException(ErrorCodes.Forbidden, "Only the school-life office and direction may send urgent messages through quiet hours.");
        if (sendAt is { } chosen && (chosen <= now || chosen > now.AddYears(1)))
            throw BusinessRuleException.Invalid("A scheduled sending time must be in the future, within a year.");

        if (uploads.Count + referenced.Count > MaxAttachments)
            throw BusinessRuleException.Invalid($"Attach at most {MaxAttachments} files.");
        // Uploads first: they are stored by position (MessageAttachments.Stage); workspace files are already stored.
        IReadOnlyList<AttachedFile>? attachments = uploads.Count + referenced.Count == 0 ? null
            : [.. FileRules.Attach(uploads, sender.Id, FileContentTypes.All, MaxAttachments), .. referenced];
        var at = sendAt ?? now;
        var deliverAt = urgent ? at : context.Settings.QuietHours.DeliveryTime(at, context.Zone);
        var posted = new MessagePosted(threadId, messageId, sender.EstablishmentId, sender.Id, sender.Role, PersonalData.Of(sender.Id, text), to, urgent, now, deliverAt, attachments);
        return deliverAt <= now ? [posted, new MessageDelivered(threadId, messageId, sender.EstablishmentId, sender.Id, to, now)] : [posted];
    }
}
