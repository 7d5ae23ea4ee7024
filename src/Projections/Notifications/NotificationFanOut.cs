using System.Security.Cryptography;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Agenda;
using MonBureau.Domain.Attendance;
using MonBureau.Domain.Common;
using MonBureau.Domain.Discipline;
using MonBureau.Domain.Homework;
using MonBureau.Domain.Messaging;
using MonBureau.Domain.Notifications;
using MonBureau.Domain.People;
using MonBureau.Projections.People;

namespace MonBureau.Projections.Notifications;

/// <summary>Turns what happened into notifications for the people concerned, following each person's preferences.</summary>
public static class NotificationFanOut
{
    public static async Task NotifyAsync(
        IDocumentOperations operations, IEvent source, Guid establishmentId, NotificationCategory category, string kind, Guid? actorId, Guid sourceId,
        IEnumerable<Guid> recipients)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(source);
        var people = recipients.Where(r => r != actorId).Distinct().ToArray();
        if (people.Length == 0)
            return;
        var records = (await operations.LoadManyAsync<Person>(people)).ToDictionary(p => p.Id);
        var settings = (await operations.LoadManyAsync<NotificationSettings>(people)).ToDictionary(s => s.Id);
        foreach (var person in people)
        {
            var guardian = records.TryGetValue(person, out var record) && record.Holds(Role.Guardian, establishmentId);
            var preference = (settings.GetValueOrDefault(person) ?? NotificationSettings.Create(person)).For(category, guardian);
            if (preference == NotificationPreference.Off)
                continue;
            operations.Store(new Notification
            {
                Id = IdFor(source.Id, person),
                RecipientId = person,
                EstablishmentId = establishmentId,
                Category = category,
                Kind = kind,
                ActorId = actorId,
                SourceId = sourceId,
                OccurredAt = source.Timestamp,
                Delivery = preference,
            });
        }
    }

    /// <summary>The students concerned (named ones, else every student of the class or group) and their guardians in the establishment.</summary>
    public static async Task<IReadOnlyList<Guid>> FamiliesAsync(IQuerySession session, Guid establishmentId, Guid teachingUnitId, IReadOnlyList<Guid>? named = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        IReadOnlyList<Guid> students = named is { Count: > 0 }
            ? named
            : await session.LoadAsync<SchoolGroup>(teachingUnitId) is { } group
                ? group.Members
                : await session.Query<Person>().Where(p => p.ClassId == teachingUnitId).Select(p => p.Id).ToListAsync();
        return await WithGuardiansAsync(session, establishmentId, students);
    }

    public static async Task<IReadOnlyList<Guid>> WithGuardiansAsync(IQuerySession session, Guid establishmentId, IReadOnlyList<Guid> students) =>
        [.. students, .. await GuardiansAsync(session, establishmentId, students)];

    public static async Task<IReadOnlyList<Guid>> GuardiansAsync(IQuerySession session, Guid establishmentId, IReadOnlyList<Guid> students)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(students);
        // One student (an absence, a returned work, a sanction): a containment query on the indexed read model, not a
        // scan of every family of the establishment on the path of each roll call.
        if (students.Count == 1)
        {
            var studentId = students[0];
            return await session.Query<PersonDetails>()
                .Where(p => p.Children.Any(c => c.StudentId == studentId && c.EstablishmentId == establishmentId))
                .Select(p => p.Id)
                .ToListAsync();
        }

        var guardians = await session.Query<Person>()
            .Where(p => p.Profiles.Any(pr => pr.Role == Role.Guardian && pr.EstablishmentId == establishmentId))
            .ToListAsync();
        return [.. guardians.Where(g => g.Children.Any(c => students.Contains(c.StudentId))).Select(g => g.Id)];
    }

    /// <summary>Everyone holding one of <paramref name="roles"/> in the establishment, or any profile there when none is given.</summary>
    public static async Task<IReadOnlyList<Guid>> MembersAsync(IQuerySession session, Guid establishmentId, params Role[] roles)
    {
        ArgumentNullException.ThrowIfNull(session);
        var people = await session.Query<Person>().Where(p => p.Profiles.Any(pr => pr.EstablishmentId == establishmentId)).ToListAsync();
        return [.. people.Where(p => p.Profiles.Any(pr => pr.EstablishmentId == establishmentId && (roles.Length == 0 || roles.Contains(pr.Role)))).Select(p => p.Id)];
    }

    private static Guid IdFor(Guid eventId, Guid personId)
    {
        Span<byte> input = stackalloc byte[32];
        eventId.TryWriteBytes(input[..16]);
        personId.TryWriteBytes(input[16..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        return new Guid(hash[..16]);
    }
}

/// <summary>Inline, in the transaction of the event itself: nothing that happened can miss its notifications.</summary>
public partial class NotificationProjection : EventProjection
{
    public Task Project(IEvent<MessageDelivered> e, IDocumentOperations operations) =>
        NotificationFanOut.NotifyAsync(operations, e, e.Data.EstablishmentId, NotificationCategory.Messages, "message.received", e.Data.AuthorId, e.Data.ThreadId, e.Data.RecipientIds);

    public async Task Project(IEvent<HomeworkAssigned> e, IDocumentOperations operations) =>
        await NotificationFanOut.NotifyAsync(operations, e, e.Data.EstablishmentId, NotificationCategory.Homework, "homework.assigned", e.Data.TeacherId, e.Data.HomeworkId,
            await NotificationFanOut.FamiliesAsync(operations, e.Data.EstablishmentId, e.Data.ClassId, e.Data.StudentIds));

    public Task Project(IEvent<SubmissionFeedbackGiven> e, IDocumentOperations operations) =>
        Family(operations, e, e.Data.EstablishmentId, e.Data.StudentId, NotificationCategory.Feedback, "feedback.given", e.Data.TeacherId, e.Data.HomeworkId, withStudent: true);

    public Task Project(IEvent<AbsenceRecorded> e, IDocumentOperations operations) =>
        Family(operations, e, e.Data.EstablishmentId, e.Data.StudentId, NotificationCategory.Absences, "absence.recorded", e.Data.RecordedBy, e.Data.StudentId, withStudent: false);

    public Task Project(IEvent<LatenessRecorded> e, IDocumentOperations operations) =>
        Family(operations, e, e.Data.EstablishmentId, e.Data.StudentId, NotificationCategory.Absences, "lateness.recorded", e.Data.RecordedBy, e.Data.StudentId, withStudent: false);

    public Task Project(IEvent<AbsenceJustificationAccepted> e, IDocumentOperations operations) =>
        Family(operations, e, e.Data.EstablishmentId, e.Data.StudentId, NotificationCategory.Absences, "justification.accepted", e.Data.DecidedBy, e.Data.StudentId, withStudent: false);

    public Task Project(IEvent<AbsenceJustificationRejected> e, IDocumentOperations operations) =>
        Family(operations, e, e.Data.EstablishmentId, e.Data.StudentId, NotificationCategory.Absences, "justification.rejected", e.Data.DecidedBy, e.Data.StudentId, withStudent: false);

    public async Task Project(IEvent<AbsenteeismAlertRaised> e, IDocumentOperations operations) =>
        await NotificationFanOut.NotifyAsync(operations, e, e.Data.EstablishmentId, NotificationCategory.Absences, "absenteeism.alert", null, e.Data.StudentId,
            await NotificationFanOut.MembersAsync(operations, e.Data.EstablishmentId, Role.SchoolLifeOffice, Role.Direction));

    public async Task Project(IEvent<AgendaEventScheduled> e, IDocumentOperations operations) =>
        await NotificationFanOut.NotifyAsync(operations, e, e.Data.EstablishmentId, NotificationCategory.Agenda, "agenda.scheduled", e.Data.ScheduledBy, e.Data.EventId,
            await AudienceAsync(operations, e.Data.EstablishmentId, e.Data.TeachingUnitId));

    public async Task Project(IEvent<AgendaEventRevised> e, IDocumentOperations operations) =>
        await NotificationFanOut.NotifyAsync(operations, e, e.Data.EstablishmentId, NotificationCategory.Agenda, "agenda.changed", e.Data.RevisedBy, e.Data.EventId,
            await AudienceOfAsync(operations, e.Data.EventId));

    public async Task Project(IEvent<AgendaEventCancelled> e, IDocumentOperations operations) =>
        await NotificationFanOut.NotifyAsync(operations, e, e.Data.EstablishmentId, NotificationCategory.Agenda, "agenda.cancelled", e.Data.CancelledBy, e.Data.EventId,
            await AudienceOfAsync(operations, e.Data.EventId));

    /// <summary>About one student: their guardians, and the student too when it is theirs to know first-hand.</summary>
    private static async Task Family(
        IDocumentOperations operations, IEvent e, Guid establishmentId, Guid studentId, NotificationCategory category, string kind, Guid? actorId, Guid sourceId,
        bool withStudent) =>
        await NotificationFanOut.NotifyAsync(operations, e, establishmentId, category, kind, actorId, sourceId, withStudent
            ? await NotificationFanOut.WithGuardiansAsync(operations, establishmentId, [studentId])
            : await NotificationFanOut.GuardiansAsync(operations, establishmentId, [studentId]));

    private static async Task<IReadOnlyList<Guid>> AudienceOfAsync(IQuerySession session, Guid eventId) =>
        await session.LoadAsync<AgendaEvent>(eventId) is { } scheduled ? await AudienceAsync(session, scheduled.EstablishmentId, scheduled.TeachingUnitId) : [];

    /// <summary>A class's or group's families, or everyone of the establishment for an establishment-wide event.</summary>
    private static async Task<IReadOnlyList<Guid>> AudienceAsync(IQuerySession session, Guid establishmentId, Guid? teachingUnitId) =>
        teachingUnitId is { } unit
            ? await NotificationFanOut.FamiliesAsync(session, establishmentId, unit)
            : await NotificationFanOut.MembersAsync(session, establishmentId);

    public Task Project(IEvent<PunishmentGiven> e, IDocumentOperations operations) =>
        Family(operations, e, e.Data.EstablishmentId, e.Data.StudentId, NotificationCategory.Discipline, "punishment.given", e.Data.GivenBy, e.Data.PunishmentId, withStudent: true);

    public Task Project(IEvent<SanctionPronounced> e, IDocumentOperations operations) =>
        Family(operations, e, e.Data.EstablishmentId, e.Data.StudentId, NotificationCategory.Discipline, "sanction.pronounced", e.Data.PronouncedBy, e.Data.SanctionId, withStudent: true);
}

public static class NotificationProjectionsSetup
{
    public static void AddNotificationProjections(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<NotificationProjection>(JasperFx.Events.Projections.ProjectionLifecycle.Inline);
        options.Schema.For<Notification>().Index(x => x.RecipientId).Index(x => x.EmailedAt);
    }
}
