using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using MonBureau.Domain.Common;
using MonBureau.Domain.Messaging;

namespace MonBureau.Projections.Messaging;

public partial class MessageThreadProjection : SingleStreamProjection<MessageThreadView, Guid>
{
    public static MessageThreadView Create(ThreadStarted e) => new()
    {
        Id = e.ThreadId,
        EstablishmentId = e.EstablishmentId,
        AuthorId = e.AuthorId,
        Subject = e.Subject,
        Confidential = e.Confidential,
        ConcernsStudentId = e.ConcernsStudentId,
    };

    public MessageThreadView Apply(MessagePosted e, MessageThreadView thread)
    {
        if (e.AuthorRole == Role.Teacher)
            RecordFirstReplies(thread, e.AuthorId, e.PostedAt);
        thread.Messages.Add(new MessageView
        {
            Id = e.MessageId,
            AuthorId = e.AuthorId,
            AuthorRole = e.AuthorRole,
            Body = e.Body,
            Recipients = [.. e.RecipientIds.Select(id => new MessageReceipt { PersonId = id })],
            Attachments = [.. e.Attachments ?? []],
            Urgent = e.Urgent,
            PostedAt = e.PostedAt,
            DeliverAt = e.DeliverAt,
        });
        thread.AttachmentIds.AddRange((e.Attachments ?? []).Select(a => a.FileId));
        thread.LastActivityAt = e.PostedAt;
        return Refresh(thread);
    }

    public MessageThreadView Apply(MessageDelivered e, MessageThreadView thread)
    {
        var message = thread.Messages.Single(m => m.Id == e.MessageId);
        message.DeliveredAt = e.DeliveredAt;
        thread.LastActivityAt = e.DeliveredAt;
        // A new message brings the conversation back for those who had deleted or archived it.
        thread.DeletedFor.RemoveAll(id => message.Recipients.Any(r => r.PersonId == id));
        thread.ArchivedBy.RemoveAll(id => message.Recipients.Any(r => r.PersonId == id));
        return Refresh(thread);
    }

    public MessageThreadView Apply(MessageRead e, MessageThreadView thread)
    {
        var receipt = thread.Messages.Single(m => m.Id == e.MessageId).Recipients.Single(r => r.PersonId == e.ReaderId);
        receipt.ReadAt ??= e.ReadAt;
        return thread;
    }

    public MessageThreadView Apply(MessageRecalled e, MessageThreadView thread)
    {
        thread.Messages.Single(m => m.Id == e.MessageId).RecalledAt = e.RecalledAt;
        return Refresh(thread);
    }

    /// <summary>Past retention, the conversation leaves every inbox.</summary>
    public bool ShouldDelete(ThreadPurged e) => true;

    public MessageThreadView Apply(ThreadArchived e, MessageThreadView thread)
    {
        if (!thread.ArchivedBy.Contains(e.PersonId))
            thread.ArchivedBy.Add(e.PersonId);
        return thread;
    }

    public MessageThreadView Apply(ThreadUnarchived e, MessageThreadView thread)
    {
        thread.ArchivedBy.Remove(e.PersonId);
        return thread;
    }

    public MessageThreadView Apply(ThreadDeletedForParticipant e, MessageThreadView thread)
    {
        if (!thread.DeletedFor.Contains(e.PersonId))
            thread.DeletedFor.Add(e.PersonId);
        return Refresh(thread);
    }

    /// <summary>Guardians' delivered messages to this teacher that the teacher had not answered yet are answered now.</summary>
    private static void RecordFirstReplies(MessageThreadView thread, Guid teacherId, DateTimeOffset at)
    {
        var unanswered = thread.Messages.Where(m =>
            m is { AuthorRole: Role.Guardian, IsLive: true } &&
            m.Recipients.Any(r => r.PersonId == teacherId) &&
            !thread.FirstReplies.Any(f => f.GuardianMessageId == m.Id && f.TeacherId == teacherId));
        thread.FirstReplies.AddRange(unanswered.Select(m => new FirstReply
        {
            GuardianMessageId = m.Id, GuardianId = m.AuthorId, TeacherId = teacherId, AskedAt = m.DeliveredAt!.Value, AnsweredAt = at,
        }).ToList());
    }

    private static MessageThreadView Refresh(MessageThreadView thread)
    {
        thread.VisibleTo = [.. thread.Messages
            .SelectMany(m => m.IsLive ? m.Recipients.Select(r => r.PersonId).Prepend(m.AuthorId) : [m.AuthorId])
            .Distinct()
            .Where(id => !thread.DeletedFor.Contains(id))];
        return thread;
    }
}

public static class MessagingProjectionsSetup
{
    public static void AddMessagingProjections(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<MessageThreadProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<MessageTemplateProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<MessageTemplateView>().Index(x => x.EstablishmentId);
        options.Schema.For<MessageThreadView>().Index(x => x.EstablishmentId).GinIndexJsonData();
    }
}
