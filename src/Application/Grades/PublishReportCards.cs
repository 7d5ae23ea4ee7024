using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Messaging;
using MonBureau.Domain.Common;
using MonBureau.Domain.Grades;
using MonBureau.Domain.Establishments;
using Wolverine;

namespace MonBureau.Application.Grades;

/// <summary>Records that a term's report cards reached their publication time (students, then guardians).</summary>
public sealed record PublishReportCards(Guid EstablishmentId, int SchoolYear, int Term);

/// <summary>
/// Like held messages (ADR 0017): a Wolverine durable scheduled job, timed by the machine's clock in steps of at most
/// <see cref="MessageDeliveryOptions.LongestWait"/>, deciding on the business clock. Who may read a report card never
/// waits for this job — that is decided at read time from the schedule (ADR 0019); the job only records the publication.
/// </summary>
public static class PublishReportCardsHandler
{
    public static async Task Handle(
        PublishReportCards command, IDocumentSession session, IMessageContext messages, TimeProvider clock, MessageDeliveryOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(options);
        using var acting = ActingContext.Begin(Actor.SystemJob("report-card-publication"), $"report-cards/{command.EstablishmentId}/{command.SchoolYear}/{command.Term}");
        // Versioned on the establishment's stream: two jobs racing for one term cannot both record it.
        var stream = await session.Events.FetchForWriting<Establishment>(command.EstablishmentId, cancellationToken);
        var calendar = await GradeCalendars.LoadAsync(session, command.EstablishmentId, cancellationToken);
        if (stream.Aggregate is null || calendar is null)
            return;
        var year = new SchoolYear(command.SchoolYear);
        var now = clock.GetUtcNow();
        var published = GradeCalendarDecisions.Due(calendar, year, command.Term, now);
        if (published.Count > 0)
            stream.AppendMany(published);
        var next = GradeCalendarDecisions.NextDue(published.Aggregate(calendar, (c, e) => c.Apply(e)), year, command.Term);
        if (next is { } at)
            await messages.ScheduleAsync(command, options.DelayUntil(at, now));
        await session.SaveChangesAsync(cancellationToken);
    }
}
