using Marten;
using MonBureau.Domain.Auditing;

namespace MonBureau.Application.Auditing;

/// <summary>
/// Records denials in their own unit of work: the request that was denied fails, its denial must not.
/// </summary>
public sealed class DeniedAccessLog(IDocumentStore store)
{
    public static readonly Guid AnonymousStream = SystemActorIds.For("anonymous-requests");
    // Each round of a race lets at least one denial through, so this many attempts cover as many simultaneous denials.
    private const int MaxAttempts = 12;
    private static readonly Actor Recorder = Actor.SystemJob("authorization");

    public async Task RecordAsync(Actor? actor, string operation, Guid? targetId, string reason)
    {
        var denied = new AccessDenied(actor?.Id, actor?.Role, actor?.EstablishmentId, operation, targetId, reason);
        using var scope = ActingContext.Begin(Recorder, ActingContext.CorrelationId ?? Guid.CreateVersion7().ToString());
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await AppendAsync(actor?.Id ?? AnonymousStream, denied);
                return;
            }
            catch (Exception e) when (attempt < MaxAttempts && (StreamCollision.Is(e) || e is JasperFx.ConcurrencyException))
            {
                // Simultaneous denials of the same caller raced for the stream's next version; nothing was written, so
                // append again, a little apart so the racers do not meet again.
                await Task.Delay(Random.Shared.Next(2, 15 * attempt));
            }
        }
    }

    private async Task AppendAsync(Guid streamId, AccessDenied denied)
    {
        await using var session = store.LightweightSession();
        session.Events.Append(streamId, denied);
        // A client giving up on its request does not erase the trace of what it tried.
        await session.SaveChangesAsync(CancellationToken.None);
    }
}
