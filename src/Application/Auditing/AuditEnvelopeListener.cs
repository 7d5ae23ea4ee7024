using JasperFx.Events;
using Marten;
using MonBureau.Domain.Common;

namespace MonBureau.Application.Auditing;

/// <summary>
/// Stamps every pending event with the audit envelope (actor, role, establishment, correlation, causation)
/// and refuses the whole unit of work when no actor is known. The business timestamp comes from the
/// TimeProvider given to Marten (StoreOptions.Events.TimeProvider). An event already stamped in process (a bulk
/// writer that appends many authors' decisions in one session, see <see cref="AuditEnvelope"/>) keeps its envelope.
/// </summary>
public sealed class AuditEnvelopeListener : DocumentSessionListenerBase
{
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(session);
        var streams = session.PendingChanges.Streams().ToList();
        if (streams.Count == 0)
            return Task.CompletedTask;

        var actor = ActingContext.Current ?? throw new MissingActorException();
        foreach (var e in streams.SelectMany(s => s.Events).Where(e => !AuditEnvelope.IsStamped(e)))
            AuditEnvelope.Stamp(e, actor, ActingContext.CorrelationId, ActingContext.CausationId);

        return Task.CompletedTask;
    }
}

/// <summary>The audit envelope of one event (ADR 0007): who decided it, in which role and establishment, in which request.</summary>
public static class AuditEnvelope
{
    public static bool IsStamped(IEvent e) => e?.Headers?.ContainsKey(AuditHeaders.ActorRole) == true;

    public static void Stamp(IEvent e, Actor actor, string? correlationId, string? causationId)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(actor);
        e.UserName = actor.Id.ToString();
        e.CorrelationId = correlationId;
        e.CausationId = causationId;
        e.SetHeader(AuditHeaders.ActorRole, actor.Role.ToString());
        // The event's own establishment wins: a region-level or system actor still acts inside one school.
        var establishment = (e.Data as IEstablishmentScoped)?.EstablishmentId ?? actor.EstablishmentId;
        if (establishment is { } establishmentId)
            e.SetHeader(AuditHeaders.Establishment, establishmentId.ToString());
        if (actor.SystemName is { } job)
            e.SetHeader(AuditHeaders.SystemJob, job);
    }
}
