using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Messaging;
using MonBureau.Domain.Common;
using MonBureau.Domain.Grades;
using Wolverine;

namespace MonBureau.Application.Grades;

/// <summary>Direction sets the establishment's terms, the guardians' delay on marks and when report cards are published.</summary>
public static class GradeCalendarHandler
{
    /// <summary>Terms: direction or the establishment's administrator (who also sets up classes).</summary>
    public static async Task<Guid> Handle(DefineTerms command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var calendar = await CalendarAsync(session, command.EstablishmentId, [Role.Direction, Role.EstablishmentAdministrator], cancellationToken);
        session.Events.Append(calendar.EstablishmentId, GradeCalendarDecisions.DefineTerms(command, calendar, clock.GetUtcNow()));
        return calendar.EstablishmentId;
    }

    public static async Task<Guid> Handle(SetGuardianGradeDelay command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var calendar = await CalendarAsync(session, command.EstablishmentId, [Role.Direction], cancellationToken);
        session.Events.Append(calendar.EstablishmentId, GradeCalendarDecisions.SetGuardianDelay(command, calendar, clock.GetUtcNow()));
        return calendar.EstablishmentId;
    }

    /// <summary>Records the schedule and, in the same transaction, the durable job that records the publication when its time comes (ADR 0019).</summary>
    public static async Task<Guid> Handle(
        ScheduleReportCardPublication command, IDocumentSession session, IMessageContext messages, MessageDeliveryOptions delivery, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(delivery);
        var calendar = await CalendarAsync(session, command.EstablishmentId, [Role.Direction], cancellationToken);
        var now = clock.GetUtcNow();
        var scheduled = GradeCalendarDecisions.SchedulePublication(command, calendar, now);
        session.Events.Append(calendar.EstablishmentId, scheduled);
        await messages.ScheduleAsync(
            new PublishReportCards(calendar.EstablishmentId, scheduled.SchoolYear.StartYear, scheduled.Term), delivery.DelayUntil(scheduled.StudentsAt, now));
        return calendar.EstablishmentId;
    }

    private static async Task<GradeCalendar> CalendarAsync(IDocumentSession session, Guid establishmentId, Role[] roles, CancellationToken cancellationToken)
    {
        var actor = ActingContext.Current ?? throw new MissingActorException();
        if (!roles.Contains(actor.Role) || !actor.ActsIn(establishmentId))
            throw BusinessRuleException.Forbidden();
        return await GradeCalendars.LoadAsync(session, establishmentId, cancellationToken) ?? throw BusinessRuleException.NotFound("Establishment");
    }
}
