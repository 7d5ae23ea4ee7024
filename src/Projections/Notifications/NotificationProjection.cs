using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using MonBureau.Domain.Agenda;
using MonBureau.Domain.Attendance;
using MonBureau.Domain.Common;
using MonBureau.Domain.Discipline;
using MonBureau.Domain.Homework;
using MonBureau.Domain.Messaging;
using MonBureau.Domain.Notifications;

namespace MonBureau.Projections.Notifications;

/// <summary>
/// Inline, in the transaction of the event itself: nothing that happened can miss its notifications. It takes the
/// session's page of events at once (a command appends one or two, the generator's bulk path hundreds, ADR 0029):
/// every notice's audience and every recipient's record and preferences are loaded for the whole page in a few
/// queries, not three per event.
/// </summary>
public sealed class NotificationProjection : IProjection
{
    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(events);
        var notices = events.Select(NoticeOf).OfType<Notice>().ToList();
        if (notices.Count == 0)
            return;
        var recipients = await NotificationAudiences.ResolveAsync(operations, notices, cancellation);
        await NotificationFanOut.NotifyAsync(operations, notices, recipients, cancellation);
    }

    private static Notice? NoticeOf(IEvent e) => e.Data switch
    {
        MessageDelivered d => new(e, d.EstablishmentId, NotificationCategory.Messages, "message.received", d.AuthorId, d.ThreadId, new Audience.People(d.RecipientIds)),
        HomeworkAssigned d => new(e, d.EstablishmentId, NotificationCategory.Homework, "homework.assigned", d.TeacherId, d.HomeworkId,
            new Audience.Families(d.EstablishmentId, d.ClassId, d.StudentIds)),
        SubmissionFeedbackGiven d => Family(e, d.EstablishmentId, d.StudentId, NotificationCategory.Feedback, "feedback.given", d.TeacherId, d.HomeworkId, withStudent: true),
        AbsenceRecorded d => Family(e, d.EstablishmentId, d.StudentId, NotificationCategory.Absences, "absence.recorded", d.RecordedBy, d.StudentId, withStudent: false),
        LatenessRecorded d => Family(e, d.EstablishmentId, d.StudentId, NotificationCategory.Absences, "lateness.recorded", d.RecordedBy, d.StudentId, withStudent: false),
        AbsenceJustificationAccepted d =>
            Family(e, d.EstablishmentId, d.StudentId, NotificationCategory.Absences, "justification.accepted", d.DecidedBy, d.StudentId, withStudent: false),
        AbsenceJustificationRejected d =>
            Family(e, d.EstablishmentId, d.StudentId, NotificationCategory.Absences, "justification.rejected", d.DecidedBy, d.StudentId, withStudent: false),
        AbsenteeismAlertRaised d => new(e, d.EstablishmentId, NotificationCategory.Absences, "absenteeism.alert", null, d.StudentId,
            new Audience.Members(d.EstablishmentId, [Role.SchoolLifeOffice, Role.Direction])),
        AgendaEventScheduled d => new(e, d.EstablishmentId, NotificationCategory.Agenda, "agenda.scheduled", d.ScheduledBy, d.EventId, d.TeachingUnitId is { } unit
            ? new Audience.Families(d.EstablishmentId, unit, null)
            : new Audience.Members(d.EstablishmentId, [])),
        AgendaEventRevised d => new(e, d.EstablishmentId, NotificationCategory.Agenda, "agenda.changed", d.RevisedBy, d.EventId, new Audience.OfAgendaEvent(d.EventId)),
        AgendaEventCancelled d => new(e, d.EstablishmentId, NotificationCategory.Agenda, "agenda.cancelled", d.CancelledBy, d.EventId, new Audience.OfAgendaEvent(d.EventId)),
        PunishmentGiven d => Family(e, d.EstablishmentId, d.StudentId, NotificationCategory.Discipline, "punishment.given", d.GivenBy, d.PunishmentId, withStudent: true),
        SanctionPronounced d => Family(e, d.EstablishmentId, d.StudentId, NotificationCategory.Discipline, "sanction.pronounced", d.PronouncedBy, d.SanctionId, withStudent: true),
        _ => null,
    };

    private static Notice Family(IEvent e, Guid establishmentId, Guid studentId, NotificationCategory category, string kind, Guid? actorId, Guid sourceId, bool withStudent) =>
        new(e, establishmentId, category, kind, actorId, sourceId, new Audience.Family(establishmentId, studentId, withStudent));
}

public static class NotificationProjectionsSetup
{
    public static void AddNotificationProjections(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add(new NotificationProjection(), JasperFx.Events.Projections.ProjectionLifecycle.Inline);
        options.Schema.For<Notification>().Index(x => x.RecipientId).Index(x => x.EmailedAt);
    }
}
