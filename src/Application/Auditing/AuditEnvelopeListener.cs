using Marten;
using MonBureau.Domain.Common;

namespace MonBureau.Application.Auditing;

/// <summary>
/// Stamps every pending event with the audit envelope (actor, role, establishment, correlation, causation)
/// and refuses the whole unit of work when no actor is known. The business timestamp comes from the
/// TimeProvider given to Marten (StoreOptions.Events.TimeProvider).
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
        foreach (var stream in streams)
        {
            foreach (var e in stream.Events)
            {
                e.UserName = actor.Id.ToString();
                e.CorrelationId = ActingContext.CorrelationId;
                e.CausationId = ActingContext.CausationId;
                e.SetHeader(AuditHeaders.ActorRole, actor.Role.ToString());
                // The event's own establishment wins: a region-level or system actor still acts inside one school.
                var establishment = (e.Data as IEstablishmentScoped)?.EstablishmentId ?? actor.EstablishmentId;
                if (establishment is { } establishmentId)
                    e.SetHeader(AuditHeaders.Establishment, establishmentId.ToString());
                if (actor.SystemName is { } job)
                    e.SetHeader(AuditHeaders.SystemJob, job);
            }
        }

        return Task.CompletedTask;
    }
}
